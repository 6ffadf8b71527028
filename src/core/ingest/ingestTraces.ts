/**
 * Streaming trace ingest with format auto-detection (engine-design.md "Ingest"). Input arrives
 * as byte chunks, never as one string: JSON is cut into pieces by `jsonScanner` and parsed one
 * piece at a time, protobuf is split into ResourceSpans records. Every piece is normalised to
 * pdata and handed to `onData` (usually `appendTracesData` into a SpanStore), then dropped, so
 * memory stays flat in the size of the input.
 *
 * A record that cannot be read is reported as an issue with its line (JSON Lines) or byte
 * offset and skipped; the rest loads. Input that is not trace data at all ends the load with
 * `fatal` saying what the file looks like.
 */
import type { TracesData } from '../telemetry/pdata';
import { spanCount } from '../telemetry/pdata';
import type { IngestIssue, IngestProgress, IssueSink, TraceFormat } from './ingestTypes';
import { isJaegerTrace, jaegerTraceToPdata } from './jaegerJson';
import { createJsonScanner, type JsonPiece, type JsonRest, type JsonScanner } from './jsonScanner';
import { resourceSpansFromJson, spanFromJson } from './otlpJson';
import { createProtobufSplitter, decodeResourceSpans, type ProtobufSplitter } from './otlpProtobuf';
import { SNIFF_BYTES, sniffFormat } from './sniffFormat';
import { isZipkinSpan, isZipkinV1, zipkinSpansToPdata } from './zipkinJson';

export interface TraceIngestOptions {
  /** Receives each decoded payload; the objects may be dropped once it returns. */
  readonly onData: (data: TracesData) => void;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** File name, as a hint only (".jsonl" → JSON Lines, ".pb" → protobuf). */
  readonly fileName?: string;
  /** Issues kept in the result (all are counted). Default 200. */
  readonly maxIssues?: number;
  /** A `resourceSpans` element larger than this is parsed span by span. Default 32 MiB. */
  readonly hugePieceBytes?: number;
  /** Minimum input bytes between progress reports. Default 1 MiB. */
  readonly progressEveryBytes?: number;
}

export interface TraceIngestResult {
  /** False when the input was not trace data (see `fatal`). */
  readonly ok: boolean;
  readonly format: TraceFormat | null;
  readonly spans: number;
  readonly bytes: number;
  /** The first `maxIssues` issues, in input order. */
  readonly issues: readonly IngestIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fatal?: string;
}

/** Push interface: `write` chunks in order, then `end` once. */
export interface TraceIngester {
  write(chunk: Uint8Array): void;
  end(): TraceIngestResult;
}

const CUT_KEYS = new Set(['resourceSpans', 'resource_spans', 'data']);
const WRONG_SIGNAL: Record<string, string> = {
  resourceMetrics: 'this is an OTLP metrics file (resourceMetrics), not traces',
  resource_metrics: 'this is an OTLP metrics file (resource_metrics), not traces',
  resourceLogs: 'this is an OTLP logs file (resourceLogs), not traces',
  resource_logs: 'this is an OTLP logs file (resource_logs), not traces',
  resourceProfiles: 'this is an OTLP profiles file (resourceProfiles), not traces',
  resource_profiles: 'this is an OTLP profiles file (resource_profiles), not traces',
};
const ZIPKIN_BATCH = 512;
const HUGE_BATCH = 1000;

/** Creates a push-style ingester (see module comment). */
export function createTraceIngester(options: TraceIngestOptions): TraceIngester {
  const maxIssues = options.maxIssues ?? 200;
  const hugePieceBytes = options.hugePieceBytes ?? 32 * 1024 * 1024;
  const progressEvery = options.progressEveryBytes ?? 1024 * 1024;
  const decoder = new TextDecoder('utf-8');

  let bytes = 0;
  let spans = 0;
  let lastProgress = 0;
  let format: TraceFormat | null = null;
  let fatal: string | undefined;
  const issues: IngestIssue[] = [];
  let errorCount = 0;
  let warningCount = 0;
  let head: Uint8Array[] | null = [];
  let headBytes = 0;
  let scanner: JsonScanner | null = null;
  let splitter: ProtobufSplitter | null = null;
  let pendingZipkin: { record: unknown; where: string; line: number; offset: number }[] = [];

  function issue(severity: 'error' | 'warning', message: string, offset?: number, line?: number): void {
    if (severity === 'error') errorCount++;
    else warningCount++;
    if (issues.length < maxIssues) issues.push({ severity, message, ...(offset !== undefined ? { offset } : {}), ...(line !== undefined ? { line } : {}) });
  }

  function lineMode(): boolean {
    return scanner?.lineMode ?? false;
  }

  /** Issue sink for a record at `offset`/`line`: "line 3: <where>: <msg>" or "<where> (byte 123): <msg>". */
  function sinkAt(offset: number, line: number): IssueSink {
    return (severity, where, message) => {
      if (lineMode()) issue(severity, `line ${line}: ${where ? `${where}: ` : ''}${message}`, offset, line);
      else issue(severity, `${where ? `${where} ` : ''}(byte ${offset}): ${message}`, offset);
    };
  }

  function emit(data: TracesData): void {
    const n = spanCount(data);
    if (n === 0) return;
    spans += n;
    options.onData(data);
  }

  function setFormat(f: TraceFormat): void {
    if (!format) format = f;
  }

  function progress(force: boolean): void {
    if (!options.onProgress) return;
    if (!force && bytes - lastProgress < progressEvery) return;
    lastProgress = bytes;
    options.onProgress({ bytes, spans, issues: errorCount + warningCount });
  }

  function fail(message: string): void {
    if (!fatal) fatal = message;
  }

  function parse(b: Uint8Array, offset: number, line: number, what: string): unknown {
    try {
      return JSON.parse(decoder.decode(b));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      sinkAt(offset, line)('error', '', `${what} is not valid JSON (${reason})`);
      return undefined;
    }
  }

  function otlpElement(raw: unknown, where: string, offset: number, line: number): void {
    setFormat('otlp-json');
    const rs = resourceSpansFromJson(raw, where, sinkAt(offset, line));
    if (rs) emit({ resourceSpans: [rs] });
  }

  /** A `resourceSpans` element too large to parse whole: parse its header, then span by span. */
  function hugeOtlpElement(p: JsonPiece, where: string): void {
    setFormat('otlp-json');
    const sink = sinkAt(p.offset, p.line);
    // Skeleton: the element with each spans array emptied.
    const parts: Uint8Array[] = [];
    let at = 0;
    for (const run of p.spanRuns) {
      if (run.starts.length === 0) continue;
      parts.push(p.bytes.subarray(at, run.starts[0]!));
      at = run.ends[run.ends.length - 1]!;
    }
    parts.push(p.bytes.subarray(at));
    let total = 0;
    for (const x of parts) total += x.length;
    const skel = new Uint8Array(total);
    let o = 0;
    for (const x of parts) {
      skel.set(x, o);
      o += x.length;
    }
    const skeleton = parse(skel, p.offset, p.line, where) as Record<string, unknown> | undefined;
    if (!skeleton || typeof skeleton !== 'object') return;
    const scopes = (skeleton.scopeSpans ?? skeleton.scope_spans ?? skeleton.instrumentationLibrarySpans ?? []) as unknown[];
    for (const run of p.spanRuns) {
      const scopeRaw = scopes[run.scopeIndex];
      const header = resourceSpansFromJson({ ...skeleton, scopeSpans: [scopeRaw], scope_spans: undefined }, where, sink);
      if (!header || header.scopeSpans.length === 0) continue;
      const scope = header.scopeSpans[0]!;
      for (let k0 = 0; k0 < run.starts.length; k0 += HUGE_BATCH) {
        const batch = [];
        for (let k = k0; k < Math.min(run.starts.length, k0 + HUGE_BATCH); k++) {
          const spWhere = `${where}.scopeSpans[${run.scopeIndex}].spans[${k}]`;
          const raw = parse(p.bytes.subarray(run.starts[k]!, run.ends[k]!), p.offset + run.starts[k]!, p.line, spWhere);
          if (raw === undefined) continue;
          const sp = spanFromJson(raw, spWhere, sink);
          if (sp) batch.push(sp);
        }
        emit({ resourceSpans: [{ resource: header.resource, schemaUrl: header.schemaUrl, scopeSpans: [{ scope: scope.scope, schemaUrl: scope.schemaUrl, spans: batch }] }] });
      }
    }
  }

  function flushZipkin(): void {
    if (pendingZipkin.length === 0) return;
    const batch = pendingZipkin;
    pendingZipkin = [];
    const records = batch.map((b) => b.record);
    const data = zipkinSpansToPdata(records, (i) => batch[i]!.where, (severity, where, message) => {
      const b = batch.find((x) => x.where === where) ?? batch[0]!;
      sinkAt(b.offset, b.line)(severity, where, message);
    });
    emit(data);
  }

  function arrayElement(raw: unknown, where: string, offset: number, line: number): void {
    if (isZipkinSpan(raw)) {
      setFormat(isZipkinV1(raw as Record<string, unknown>) ? 'zipkin-v1-json' : 'zipkin-v2-json');
      pendingZipkin.push({ record: raw, where, offset, line });
      if (pendingZipkin.length >= ZIPKIN_BATCH) flushZipkin();
      return;
    }
    if (Array.isArray(raw)) {
      raw.forEach((x, i) => arrayElement(x, `${where}[${i}]`, offset, line));
      return;
    }
    if (raw && typeof raw === 'object' && ('resourceSpans' in raw || 'resource_spans' in raw)) {
      topObject(raw as Record<string, unknown>, `${where}.`, offset, line);
      return;
    }
    if (isJaegerTrace(raw)) {
      setFormat('jaeger-json');
      emit(jaegerTraceToPdata(raw, where, sinkAt(offset, line)));
      return;
    }
    sinkAt(offset, line)('error', where, 'not a span or trace (expected a Zipkin span, a Jaeger trace or an OTLP TracesData)');
  }

  function describeKeys(o: Record<string, unknown>): string {
    const keys = Object.keys(o).slice(0, 6).map((k) => JSON.stringify(k));
    return keys.length ? `a JSON object with keys ${keys.join(', ')}` : 'an empty JSON object';
  }

  /** A parsed top-level object (or what is left of it after cutting). Returns false if unrecognised. */
  function topObject(o: Record<string, unknown>, where: string, offset: number, line: number): boolean {
    const rs = o.resourceSpans ?? o.resource_spans;
    if (Array.isArray(rs)) {
      setFormat('otlp-json');
      rs.forEach((el, i) => otlpElement(el, `${where}resourceSpans[${i}]`, offset, line));
      return true;
    }
    if (Array.isArray(o.data)) {
      setFormat('jaeger-json');
      o.data.forEach((t, i) => emit(jaegerTraceToPdata(t, `${where}data[${i}]`, sinkAt(offset, line))));
      return true;
    }
    if (isJaegerTrace(o)) {
      setFormat('jaeger-json');
      emit(jaegerTraceToPdata(o, where.replace(/\.$/, ''), sinkAt(offset, line)));
      return true;
    }
    if (isZipkinSpan(o)) {
      arrayElement(o, where.replace(/\.$/, ''), offset, line);
      return true;
    }
    // Jaeger's api_v3 wraps an OTLP TracesData in {"result": …}
    const inner = o.result;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) return topObject(inner as Record<string, unknown>, `${where}result.`, offset, line);
    return false;
  }

  function onPiece(p: JsonPiece): void {
    if (fatal) return;
    if (p.key === 'resourceSpans' || p.key === 'resource_spans') {
      const where = `${p.key}[${p.index}]`;
      if (p.bytes.length > hugePieceBytes && p.spanRuns.length > 0) hugeOtlpElement(p, where);
      else {
        const raw = parse(p.bytes, p.offset, p.line, where);
        if (raw !== undefined) otlpElement(raw, where, p.offset, p.line);
      }
    } else if (p.key === 'data') {
      setFormat('jaeger-json');
      const where = `data[${p.index}]`;
      const raw = parse(p.bytes, p.offset, p.line, where);
      if (raw !== undefined) emit(jaegerTraceToPdata(raw, where, sinkAt(p.offset, p.line)));
    } else {
      const where = p.nested ? `[${p.outer}][${p.index}]` : `[${p.index}]`;
      const raw = parse(p.bytes, p.offset, p.line, `element ${where}`);
      if (raw !== undefined) arrayElement(raw, where, p.offset, p.line);
    }
    progress(false);
  }

  function onRest(r: JsonRest): void {
    if (fatal) return;
    flushZipkin();
    if (r.bytes.length === 0) return;
    const raw = parse(r.bytes, r.offset, r.line, r.cut ? 'the rest of the value' : 'the value');
    if (raw === undefined) return;
    if (Array.isArray(raw)) {
      raw.forEach((x, i) => arrayElement(x, `[+${i}]`, r.offset, r.line));
      flushZipkin();
    } else if (raw && typeof raw === 'object') {
      const o = raw as Record<string, unknown>;
      if (!topObject(o, '', r.offset, r.line) && r.cut === 0) {
        const msg = `this is JSON but not trace data: ${describeKeys(o)} (expected OTLP "resourceSpans", Jaeger "data"/"spans" or a Zipkin span list)`;
        if (r.top === 0 && spans === 0) fail(msg);
        else sinkAt(r.offset, r.line)('error', '', msg);
      }
    } else {
      const msg = `this is JSON but not trace data: a top-level ${raw === null ? 'null' : typeof raw}`;
      if (r.top === 0 && spans === 0) fail(msg);
      else sinkAt(r.offset, r.line)('error', '', msg);
    }
    progress(false);
  }

  function startJson(lineHint: boolean): void {
    scanner = createJsonScanner(
      {
        onPiece,
        onRest,
        onTopKey(key, top) {
          const wrong = WRONG_SIGNAL[key];
          if (wrong && top === 0) fail(wrong);
        },
        onTruncated(message, offset, line) {
          flushZipkin();
          if (lineMode()) issue('error', `line ${line}: ${message}`, offset, line);
          else issue('error', `truncated: ${message}`, offset);
        },
      },
      { cutKeys: CUT_KEYS, lineMode: lineHint ? true : 'auto' },
    );
  }

  function startProtobuf(): void {
    setFormat('otlp-protobuf');
    let loadedAny = false;
    splitter = createProtobufSplitter(
      (rec) => {
        if (fatal) return;
        const where = `resourceSpans[${rec.index}]`;
        let firstError: string | null = null;
        const sink: IssueSink = (severity, w, message) => {
          firstError ??= message;
          issue(severity, `${w} (byte ${rec.offset}): ${message}`, rec.offset);
        };
        const rs = decodeResourceSpans(rec.bytes, 0, rec.bytes.length, where, sink);
        if (rs) {
          loadedAny = true;
          emit({ resourceSpans: [rs] });
        } else if (!loadedAny && rec.index === 0 && firstError && /wire type/.test(firstError)) {
          fail(`this is protobuf but not OTLP traces (an OTLP metrics or logs export?): ${firstError}`);
        }
        progress(false);
      },
      (message) => {
        if (spans === 0) fail(message);
        else issue('error', message);
      },
    );
  }

  function route(chunk: Uint8Array): void {
    if (scanner) scanner.write(chunk);
    else if (splitter) splitter.write(chunk);
  }

  function decide(): void {
    const chunks = head!;
    head = null;
    const all = new Uint8Array(headBytes);
    let o = 0;
    for (const c of chunks) {
      all.set(c, o);
      o += c.length;
    }
    const sniffed = sniffFormat(all.subarray(0, SNIFF_BYTES), options.fileName ?? '');
    if (sniffed.kind === 'unknown') {
      fail(sniffed.message);
      return;
    }
    if (sniffed.kind === 'json') startJson(sniffed.lineHint);
    else startProtobuf();
    for (const c of chunks) {
      if (fatal) break;
      route(c);
    }
  }

  return {
    write(chunk) {
      if (fatal || chunk.length === 0) return;
      bytes += chunk.length;
      if (head) {
        // copy: the caller may reuse its buffer
        head.push(chunk.slice());
        headBytes += chunk.length;
        if (headBytes >= SNIFF_BYTES) decide();
      } else route(chunk);
      progress(false);
    },
    end() {
      if (head && !fatal) decide();
      if (!fatal) {
        if (scanner) {
          scanner.end();
          flushZipkin();
          if (format === 'otlp-json' && scanner.lineMode && scanner.topCount > 1) format = 'otlp-json-lines';
        } else if (splitter) {
          const err = splitter.end();
          if (err) issue('error', err);
        }
      }
      progress(true);
      return { ok: fatal === undefined, format, spans, bytes, issues, errorCount, warningCount, ...(fatal !== undefined ? { fatal } : {}) };
    },
  };
}

/** Ingests a whole byte stream (e.g. `file.stream()` or a Node read stream) through `createTraceIngester`. */
export async function ingestTraces(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: TraceIngestOptions): Promise<TraceIngestResult> {
  const ingester = createTraceIngester(options);
  for await (const chunk of source) ingester.write(chunk);
  return ingester.end();
}
