/**
 * Issue #6 speed, in Node: every row is a ratio to a baseline measured in the same run over the
 * same data (performance.md §5).
 *  - the default pipeline on generated spans vs a plain group-spans-by-trace-id pass: the
 *    perfprobe's kernel b (a `Map` keyed by hex trace id over the parsed OTLP/JSON objects of the
 *    same spans, min start / max end / error flag, then a per-trace duration/error summary), the
 *    basis performance.md §5.2 E1 names; the columnar grouping (kernel c) is reported alongside;
 *  - ingest of an OTLP/JSON document vs TextDecoder + JSON.parse of the same bytes;
 *  - trace-id hashing vs the FNV-1a 16-bit-limb kernel (our own copy of the probe's idea);
 *  - time to the first partial result of the run vs the run itself;
 *  - retained bytes per span in the store vs the 150 B budget.
 */
import { parseConfig } from '../src/core/config/parseConfig';
import { generateIntoStore } from '../src/core/generate/generateTraces';
import { defaultScenario } from '../src/core/generate/scenarioPresets';
import { createTraceIngester } from '../src/core/ingest/ingestTraces';
import { fnv1a64Prefix, fnv1a64TraceIdWords } from '../src/core/sampling/fnv1a64';
import { simulateStore } from '../src/core/simulation/simulateStore';
import { encodeOtlpJson } from '../src/core/telemetry/encodeOtlpJson';
import { groupByTrace } from '../src/core/telemetry/groupByTrace';
import { materialize, rowRange } from '../src/core/telemetry/materialize';
import { bytesRetained, createSpanStore } from '../src/core/telemetry/spanStore';
import { time, timeInterleaved, type Row } from './measure';

export const DEFAULT_PIPELINE = `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: localhost:4317
processors:
  filter/health:
    error_mode: ignore
    traces:
      span:
        - attributes["url.path"] == "/healthz"
  attributes/env:
    actions:
      - key: deployment.environment.name
        value: production
        action: upsert
  probabilistic_sampler:
    sampling_percentage: 50
  tail_sampling:
    decision_wait: 10s
    num_traces: 200000
    policies:
      - name: errors
        type: status_code
        status_code: {status_codes: [ERROR]}
      - name: slow
        type: latency
        latency: {threshold_ms: 500}
      - name: checkout
        type: string_attribute
        string_attribute: {key: service.name, values: [payment]}
      - name: big
        type: span_count
        span_count: {min_spans: 40}
      - name: rest
        type: probabilistic
        probabilistic: {sampling_percentage: 10}
exporters:
  debug:
  otlp_grpc:
    endpoint: backend:4317
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [filter/health, attributes/env, probabilistic_sampler, tail_sampling]
      exporters: [otlp_grpc, debug]
`;

/** The probe's kernel: 64-bit FNV-1a over 16 id bytes, state in four 16-bit limbs. */
function fnvLimbsKernel(bytes: Uint8Array, off: number, out: Float64Array): void {
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2;
  for (let i = 0; i < 16; i++) {
    h0 ^= bytes[off + i]!;
    // multiply by 0x100000001b3 = 2^40 + 0x1b3
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (t2 >>> 16) + (h0 << 8);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  out[0] = h3 * 65536 + h2;
  out[1] = h1 * 65536 + h0;
}

/** Parsed OTLP/JSON requests of ~1,000 spans each, the shape the perfprobe's kernel b walks. */
interface ParsedSpan {
  traceId: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status?: { code?: number };
}
type ParsedRequest = { resourceSpans: { scopeSpans: { spans: ParsedSpan[] }[] }[] };

function parsedRequests(store: ReturnType<typeof createSpanStore>): ParsedRequest[] {
  const out: ParsedRequest[] = [];
  for (let start = 0; start < store.count; start += 1000) {
    const json = JSON.stringify(encodeOtlpJson(materialize(store, rowRange(start, Math.min(store.count, start + 1000)))));
    out.push(JSON.parse(json) as ParsedRequest);
  }
  return out;
}

const LATENCY_NS = 500e6;

/** The perfprobe's kernel b (bench-group.mjs `groupObjects(false)`), ported unchanged. */
function groupObjects(reqs: readonly ParsedRequest[]): { traces: number; slow: number; errs: number } {
  const traces = new Map<string, { start: number; end: number; err: boolean; n: number }>();
  for (let r = 0; r < reqs.length; r++) {
    const rss = reqs[r]!.resourceSpans;
    for (let i = 0; i < rss.length; i++) {
      const sss = rss[i]!.scopeSpans;
      for (let j = 0; j < sss.length; j++) {
        const spans = sss[j]!.spans;
        for (let k = 0; k < spans.length; k++) {
          const sp = spans[k]!;
          const s = +sp.startTimeUnixNano, e = +sp.endTimeUnixNano;
          let t = traces.get(sp.traceId);
          if (t === undefined) {
            t = { start: s, end: e, err: false, n: 0 };
            traces.set(sp.traceId, t);
          } else {
            if (s < t.start) t.start = s;
            if (e > t.end) t.end = e;
          }
          if (sp.status?.code === 2) t.err = true;
          t.n++;
        }
      }
    }
  }
  let slow = 0, errs = 0;
  for (const t of traces.values()) {
    if (t.end - t.start > LATENCY_NS) slow++;
    if (t.err) errs++;
  }
  return { traces: traces.size, slow, errs };
}

export function engineBench(spanTarget: number): Row[] {
  const rows: Row[] = [];
  const settings = defaultScenario();
  // ~10 spans per trace in the checkout scenario.
  const store = createSpanStore(spanTarget + 1024);
  const gen = generateIntoStore(store, settings, { seed: 1, traceCount: Math.max(1, Math.round(spanTarget / 10)) });
  const spans = gen.spans;

  // Baselines: kernel b over parsed objects (the gate), kernel c over our columns (for reference).
  // (The ~1 KiB/span object graph is dropped before the pipeline runs, as in the probe.)
  const { group, objectGroups } = (() => {
    const parsed = parsedRequests(store);
    return { objectGroups: groupObjects(parsed), group: time(() => groupObjects(parsed), 5, 1) };
  })();
  const columnar = time(() => groupByTrace(store), 5, 1);
  const model = parseConfig(DEFAULT_PIPELINE);
  let firstPartialMs = 0;
  const runOnce = () => {
    const started = performance.now();
    const steps = simulateStore(model, store, 0, store.count, { stepSpans: 50_000 });
    let first = true;
    for (;;) {
      const next = steps.next();
      if (first && !next.done && next.value.partial) {
        firstPartialMs = performance.now() - started;
        first = false;
      }
      if (next.done) return next.value.result;
    }
  };
  const result = runOnce();
  // The median of three warm runs (one run alone swings by ±10% on a shared machine).
  const runMs = time(runOnce, 3, 0);
  rows.push({
    name: `default pipeline (filter → attributes → probabilistic_sampler → tail_sampling ×5 → 2 exporters), ${spans.toLocaleString('en')} spans`,
    ratio: runMs / group,
    goal: 4,
    baseline: `kernel b: Map by trace id over parsed OTLP/JSON, ${group.toFixed(0)} ms for ${objectGroups.traces.toLocaleString('en')} traces`,
    detail: `${result.summary.sampledTraces} of ${result.summary.inputTraces} traces kept; target 1.5×; ${(runMs / columnar).toFixed(1)}× the columnar grouping (kernel c, ${columnar.toFixed(0)} ms)`,
  });
  rows.push({ name: 'first partial result of that run', ratio: firstPartialMs / 1000, goal: 1, baseline: 'budget 1 s', detail: `${firstPartialMs.toFixed(0)} ms after the start` });

  // Bytes retained per span in the store.
  rows.push({ name: 'retained bytes per span (columns + string table)', ratio: bytesRetained(store) / spans / 150, goal: 1, baseline: 'budget 150 B/span', detail: `${(bytesRetained(store) / spans).toFixed(1)} B/span` });

  // Ingest of one OTLP/JSON document (~100k spans) vs decode + JSON.parse of the same bytes.
  const docRows = rowRange(0, Math.min(store.count, 100_000));
  const bytes = new TextEncoder().encode(JSON.stringify(encodeOtlpJson(materialize(store, docRows))));
  const chunks = () => {
    const list: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 1 << 20) list.push(bytes.subarray(i, i + (1 << 20)));
    return list;
  };
  // Interleaved (floor, ingest, floor, ingest, …): a load change during the run hits both alike.
  const [floor, ingest] = timeInterleaved([
    () => JSON.parse(new TextDecoder().decode(bytes)),
    () => {
      const target = createSpanStore(docRows.length + 16);
      const ingester = createTraceIngester({ store: target });
      for (const chunk of chunks()) ingester.write(chunk);
      return ingester.end();
    },
  ], 5, 1) as [number, number];
  // The same spans as JSON Lines of 1,000-span requests (the Collector file exporter's shape) vs
  // decode + JSON.parse per line, the parsed lines kept as the document's tree is: not the gate,
  // reported beside it.
  const lines: string[] = [];
  for (let s = 0; s < docRows.length; s += 1000) lines.push(JSON.stringify(encodeOtlpJson(materialize(store, docRows.subarray(s, Math.min(docRows.length, s + 1000))))));
  const lineBytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  lines.length = 0;
  const [lineFloor, lineIngest] = timeInterleaved([
    () => {
      const text = new TextDecoder().decode(lineBytes);
      const parsed: unknown[] = [];
      for (let i = 0, j = text.indexOf('\n'); j >= 0; i = j + 1, j = text.indexOf('\n', i)) parsed.push(JSON.parse(text.slice(i, j)));
      return parsed;
    },
    () => {
      const target = createSpanStore(docRows.length + 16);
      const ingester = createTraceIngester({ store: target });
      for (let i = 0; i < lineBytes.length; i += 1 << 20) ingester.write(lineBytes.subarray(i, i + (1 << 20)));
      return ingester.end();
    },
  ], 5, 1) as [number, number];
  rows.push({
    name: `ingest OTLP/JSON document (${(bytes.length / 1048576).toFixed(0)} MiB, ${docRows.length.toLocaleString('en')} spans)`,
    ratio: ingest / floor,
    goal: 1.3,
    baseline: `decode + JSON.parse ${floor.toFixed(0)} ms`,
    detail: `into the span store, 1 MiB chunks; as JSON Lines of 1,000-span requests ${(lineIngest / lineFloor).toFixed(2)}× decode + JSON.parse per line (${lineFloor.toFixed(0)} ms, not gated)`,
  });

  // Hashing: our tail-sampling hash over store words vs the limb kernel over bytes.
  const n = Math.min(store.count, 1_000_000);
  const idBytes = new Uint8Array(n * 16);
  for (let r = 0; r < n; r++) for (let w = 0; w < 4; w++) {
    const v = store.traceIds[r * 4 + w]!;
    idBytes[r * 16 + w * 4] = v >>> 24;
    idBytes[r * 16 + w * 4 + 1] = (v >>> 16) & 255;
    idBytes[r * 16 + w * 4 + 2] = (v >>> 8) & 255;
    idBytes[r * 16 + w * 4 + 3] = v & 255;
  }
  const out = new Float64Array(2);
  const kernel = time(() => {
    for (let r = 0; r < n; r++) fnvLimbsKernel(idBytes, r * 16, out);
  });
  const prefix = fnv1a64Prefix(new TextEncoder().encode('default-hash-seed'));
  const ours = time(() => {
    for (let r = 0; r < n; r++) fnv1a64TraceIdWords(prefix, store.traceIds, r * 4, out);
  });
  rows.push({ name: `trace-id hashing, FNV-1a 64 (salt + id), ${n.toLocaleString('en')} ids`, ratio: ours / kernel, goal: 2, baseline: `16-bit-limb kernel ${kernel.toFixed(0)} ms (id only)` });
  return rows;
}
