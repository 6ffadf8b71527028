import type { Emission, TracesComponent } from '../simulation/component';
import { ComponentConfigError } from '../simulation/component';
import { spanCount, type Span, type TracesData } from '../telemetry/pdata';
import { fnv1a32SeedTraceId } from './fnv1a32';
import { fnv1a64Prefix, fnv1a64TraceIdBigInt } from './fnv1a64';
import { utf8Bytes } from './hexNibble';
import { parseTailSamplingConfig } from './tailSamplingConfig';
import { hashSeedRValue, hashSeedScaledRate } from './probabilisticSampler';
import { DEFAULT_HASH_SALT } from './probabilisticPolicy';
import { createProbabilisticSampler, createTailSampling } from './samplingFactories';
import type { PolicyDecision, PolicyEvaluator } from './samplingPolicy';
import { hex56, parseRValue, parseTValue, probabilityToThreshold, thresholdToTValue, traceIdRandomness } from './samplingThreshold';
import { tailProbabilisticThreshold } from './tailProbabilisticThreshold';
import { TailSamplingProcessor } from './tailSamplingProcessor';
import { vectorSpan, vectorSpansToTraces } from './vectorSpans';

/**
 * Conformance runner for `reference/spec/sampling-vectors/*.json` (format in that folder's
 * README). Pure: the caller reads the files. Every case runs through the factories and classes the
 * app uses (`createTailSampling`, `createProbabilisticSampler`, the OTEP 235 helpers).
 */

export interface VectorCaseResult {
  readonly id: string;
  readonly passed: boolean;
  readonly message?: string;
}

type Json = Record<string, unknown>;

function obj(v: unknown): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}

const SCHEMA_PREFIX = 'sampling-vectors/';

/** True for a sampling vector file (its `schema` starts with `sampling-vectors/`). */
export function detectSamplingVectorFile(json: unknown): boolean {
  const schema = obj(json).schema;
  return typeof schema === 'string' && schema.startsWith(SCHEMA_PREFIX);
}

function result(id: string, problems: string[]): VectorCaseResult {
  return problems.length === 0 ? { id, passed: true } : { id, passed: false, message: problems.join('; ') };
}

function guarded(id: string, run: () => string[]): VectorCaseResult {
  try {
    return result(id, run());
  } catch (e) {
    return { id, passed: false, message: `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  }
}

/** Spans in emitted payloads, with the time they left. */
function forwardedSpans(emissions: readonly Emission[], callMs: number): { span: Span; atMs: number }[] {
  const out: { span: Span; atMs: number }[] = [];
  for (const e of emissions) {
    for (const rs of e.data.resourceSpans) for (const ss of rs.scopeSpans) for (const span of ss.spans) out.push({ span, atMs: e.atMs ?? callMs });
  }
  return out;
}

function compareVerdicts(expected: unknown, actual: readonly { policy: string; verdict: string }[]): string[] {
  const want = obj(expected);
  const got: Record<string, string> = {};
  for (const v of actual) got[v.policy] = v.verdict;
  const problems: string[] = [];
  const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
  for (const k of keys) {
    if (want[k] !== got[k]) problems.push(`policy ${k}: expected ${str(want[k] ?? '(not evaluated)')}, got ${got[k] ?? '(not evaluated)'}`);
  }
  return problems;
}

/** Decides every trace of a vector case with the full processor: consume at 0, run the ticker. */
function runTailCase(c: Json): string[] {
  const gates = obj(c.featureGates) as Record<string, boolean>;
  if (c.expectedConfigError !== undefined) {
    try {
      createTailSampling('tail_sampling', c.config, { featureGates: gates });
    } catch (e) {
      if (e instanceof ComponentConfigError) return [];
      throw e;
    }
    return [`expected a config error like ${JSON.stringify(c.expectedConfigError)}, config was accepted`];
  }
  const processor = createTailSampling('tail_sampling', c.config, { featureGates: gates });
  const data = vectorSpansToTraces(arr(c.spans));
  const emitted = [...processor.consume(data, 0).emitted, ...processor.advance(3_600_000).emitted];
  const problems: string[] = [];
  const expected = obj(c.expected);
  const records = new Map(processor.decisions().map((r) => [r.traceId, r]));
  for (const [traceId, decision] of Object.entries(expected)) {
    const r = records.get(traceId);
    if (r === undefined) {
      problems.push(`trace ${traceId}: no decision`);
      continue;
    }
    if (r.decision !== decision) problems.push(`trace ${traceId}: expected ${str(decision)}, got ${r.decision} (${r.policies.map((p) => `${p.policy}=${p.verdict}: ${p.detail}`).join(', ')})`);
    problems.push(...compareVerdicts(obj(c.policyDecisions)[traceId], r.policies).map((p) => `trace ${traceId}: ${p}`));
  }
  // Only sampled traces' spans are exported.
  const sampledIds = new Set(Object.entries(expected).filter(([, d]) => d === 'sampled').map(([id]) => id));
  const forwarded = forwardedSpans(emitted, 0);
  const wantSpans = arr(c.spans).filter((s) => sampledIds.has(str(obj(s).traceId))).length;
  if (forwarded.some((f) => !sampledIds.has(f.span.traceId))) problems.push('spans of a not-sampled trace were forwarded');
  if (forwarded.length !== wantSpans) problems.push(`forwarded ${forwarded.length} spans, expected ${wantSpans}`);
  return problems;
}

function runTailPolicyCases(json: Json): VectorCaseResult[] {
  return arr(json.cases).map((raw) => {
    const c = obj(raw);
    return guarded(str(c.id), () => runTailCase(c));
  });
}

/** A fixed-result policy for the combination table (the in-memory twin of an evaluator). */
function fixedPolicy(name: string, type: string, decision: PolicyDecision, log: string[]): PolicyEvaluator {
  return {
    name,
    type,
    stateful: false,
    evaluate: () => {
      log.push(name);
      return { decision, detail: `fixed ${decision}` };
    },
  };
}

function runCombination(json: Json): VectorCaseResult[] {
  return arr(json.cases).map((raw) => {
    const c = obj(raw);
    return guarded(str(c.id), () => {
      const log: string[] = [];
      const policies = arr(c.policies).map((p) => {
        const po = obj(p);
        return fixedPolicy(str(po.name), po.kind === 'drop' ? 'drop' : 'fixed', str(po.decision) as PolicyDecision, log);
      });
      const base = parseTailSamplingConfig({ sample_on_first_match: c.sample_on_first_match === true, policies: [] }, { featureGates: {}, ottl: { span: () => ({ ok: false, error: 'unused' }), spanEvent: () => ({ ok: false, error: 'unused' }) } });
      const processor = new TailSamplingProcessor('tail_sampling', { ...base, policies });
      const span = vectorSpan({ traceId: '0000000000000000000000000000c0de', spanId: '000000000000c0de', parentSpanId: '' });
      const data: TracesData = { resourceSpans: [{ resource: span.resource, schemaUrl: '', scopeSpans: [{ scope: { name: '', version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans: [span.span] }] }] };
      const [record] = processor.decideNow(data, 0);
      const problems: string[] = [];
      if (record?.decision !== c.expected) problems.push(`expected ${str(c.expected)}, got ${record?.decision ?? 'nothing'}`);
      const order = arr(c.expectedEvaluationOrder).map(str);
      if (log.join(',') !== order.join(',')) problems.push(`evaluation order ${log.join(',')} != ${order.join(',')}`);
      return problems;
    });
  });
}

function runStateful(json: Json): VectorCaseResult[] {
  const out: VectorCaseResult[] = [];
  for (const raw of arr(json.sequences)) {
    const s = obj(raw);
    out.push(
      guarded(str(s.id), () => {
        const processor = createTailSampling('tail_sampling', s.config);
        const problems: string[] = [];
        arr(s.steps).forEach((rawStep, i) => {
          const step = obj(rawStep);
          const records = processor.decideNow(vectorSpansToTraces(arr(step.spans)), Number(step.atMs));
          const r = records.find((x) => x.traceId === step.traceId);
          if (r === undefined) {
            problems.push(`step ${i}: no decision`);
            return;
          }
          if (r.decision !== step.expected) problems.push(`step ${i} (${str(step.traceId)} at ${str(step.atMs)} ms): expected ${str(step.expected)}, got ${r.decision}`);
          problems.push(...compareVerdicts(step.policyDecisions, r.policies).map((p) => `step ${i}: ${p}`));
        });
        return problems;
      }),
    );
  }
  for (const raw of arr(json.timelines)) {
    const t = obj(raw);
    out.push(guarded(str(t.id), () => runTimeline(t)));
  }
  return out;
}

function runTimeline(t: Json): string[] {
  const processor = createTailSampling('tail_sampling', t.config);
  const forwarded = new Map<string, number>();
  const note = (emissions: readonly Emission[], callMs: number): void => {
    for (const f of forwardedSpans(emissions, callMs)) if (!forwarded.has(f.span.spanId)) forwarded.set(f.span.spanId, f.atMs);
  };
  let last = 0;
  for (const rawArrival of arr(t.arrivals)) {
    const a = obj(rawArrival);
    const atMs = Number(a.atMs);
    note(processor.advance(atMs).emitted, atMs);
    note(processor.consume(vectorSpansToTraces(arr(a.spans)), atMs).emitted, atMs);
    last = atMs;
  }
  const endMs = last + 120_000;
  note(processor.advance(endMs).emitted, endMs);
  const problems: string[] = [];
  const decided = processor.decisions().filter((r) => !r.evicted);
  const expectedDecisions = arr(t.expectedDecisions).map(obj);
  if (decided.length !== expectedDecisions.length) problems.push(`${decided.length} decisions, expected ${expectedDecisions.length}`);
  for (const d of expectedDecisions) {
    const r = decided.find((x) => x.traceId === d.traceId);
    if (r === undefined) problems.push(`trace ${str(d.traceId)}: no decision`);
    else if (r.decision !== d.decision || r.decidedAtMs !== d.decidedAtMs) {
      problems.push(`trace ${str(d.traceId)}: expected ${str(d.decision)} at ${str(d.decidedAtMs)} ms, got ${r.decision} at ${r.decidedAtMs} ms`);
    }
  }
  const expectedForwarded = arr(t.expectedForwarded).map(obj);
  for (const f of expectedForwarded) {
    const at = forwarded.get(str(f.spanId));
    if (at !== f.forwardedAtMs) problems.push(`span ${str(f.spanId)}: expected forwarded at ${str(f.forwardedAtMs)} ms, got ${at ?? 'never'}`);
  }
  if (forwarded.size !== expectedForwarded.length) problems.push(`${forwarded.size} spans forwarded, expected ${expectedForwarded.length}`);
  for (const id of arr(t.expectedNeverForwardedSpanIds).map(str)) if (forwarded.has(id)) problems.push(`span ${id} was forwarded`);
  return problems;
}

function runTailHash(json: Json): VectorCaseResult[] {
  const ids = arr(json.traceIds).map(str);
  const out: VectorCaseResult[] = [];
  for (const [salt, hashes] of Object.entries(obj(json.hashes))) {
    out.push(
      guarded(`hash-${salt === '' ? 'default' : salt}`, () => {
        const prefix = fnv1a64Prefix(utf8Bytes(salt === '' ? DEFAULT_HASH_SALT : salt));
        const problems: string[] = [];
        arr(hashes).forEach((h, i) => {
          const got = fnv1a64TraceIdBigInt(prefix, ids[i] ?? '').toString();
          if (got !== str(h)) problems.push(`${ids[i]}: ${got} != ${str(h)}`);
        });
        return problems;
      }),
    );
  }
  for (const rawT of arr(json.thresholds)) {
    const t = obj(rawT);
    out.push(
      guarded(`threshold-${str(t.samplingPercentage)}`, () => {
        const got = tailProbabilisticThreshold(Number(t.samplingPercentage) / 100).toString();
        return got === str(t.threshold) ? [] : [`${got} != ${str(t.threshold)}`];
      }),
    );
  }
  for (const rawD of arr(json.decisions)) {
    const d = obj(rawD);
    const salt = typeof d.salt === 'string' ? d.salt : '';
    out.push(
      guarded(`decisions-${salt === '' ? 'default' : salt}-${str(d.samplingPercentage)}`, () => {
        const processor = createTailSampling('tail_sampling', {
          decision_wait: '1s',
          policies: [{ name: 'p', type: 'probabilistic', probabilistic: { hash_salt: salt, sampling_percentage: d.samplingPercentage } }],
        });
        const spans = ids.map((traceId, i) => ({ traceId, spanId: (i + 1).toString(16).padStart(16, '0'), parentSpanId: '' }));
        processor.consume(vectorSpansToTraces(spans), 0);
        processor.advance(10_000);
        const byId = new Map(processor.decisions().map((r) => [r.traceId, r.decision]));
        const got = ids.map((id) => (byId.get(id) === 'sampled' ? '1' : '0')).join('');
        return got === str(d.sampled) ? [] : [`decisions differ at trace ${[...got].findIndex((ch, i) => ch !== str(d.sampled)[i])}`];
      }),
    );
  }
  return out;
}

function keptSpans(sampler: TracesComponent, data: TracesData): { kept: Map<string, Span>; issues: string[] } {
  const r = sampler.consume(data, 0);
  const kept = new Map<string, Span>();
  for (const e of r.emitted) for (const rs of e.data.resourceSpans) for (const ss of rs.scopeSpans) for (const span of ss.spans) kept.set(span.spanId, span);
  return { kept, issues: (r.issues ?? []).map((i) => i.message) };
}

function runHashSeed(json: Json): VectorCaseResult[] {
  const ids = arr(json.traceIds).map(str);
  const out: VectorCaseResult[] = [];
  const buckets = obj(json.buckets);
  const rvs = obj(json.rv);
  for (const seedText of Object.keys(buckets)) {
    const seed = Number(seedText);
    out.push(
      guarded(`buckets-${seedText}`, () => {
        const problems: string[] = [];
        arr(buckets[seedText]).forEach((b, i) => {
          const got = fnv1a32SeedTraceId(seed, ids[i] ?? '') & 0x3fff;
          if (got !== b) problems.push(`${ids[i]}: ${got} != ${str(b)}`);
        });
        return problems;
      }),
    );
    out.push(
      guarded(`rv-${seedText}`, () => {
        const problems: string[] = [];
        arr(rvs[seedText]).forEach((rv, i) => {
          const got = hashSeedRValue(fnv1a32SeedTraceId(seed, ids[i] ?? ''));
          if (got !== rv) problems.push(`${ids[i]}: ${got} != ${str(rv)}`);
        });
        return problems;
      }),
    );
  }
  const tvalues = new Map<number, string>();
  for (const rawS of arr(json.scaled)) {
    const s = obj(rawS);
    const pct = Number(s.samplingPercentage);
    tvalues.set(pct, str(s.tvalue));
    out.push(
      guarded(`scaled-${pct}`, () => {
        const scaled = hashSeedScaledRate(pct);
        const tvalue = scaled === 0 ? '' : thresholdToTValue(BigInt(16384 - scaled) << 42n);
        const problems: string[] = [];
        if (scaled !== s.scaledSampleRate) problems.push(`scaled ${scaled} != ${str(s.scaledSampleRate)}`);
        if (tvalue !== s.tvalue) problems.push(`tvalue ${tvalue} != ${str(s.tvalue)}`);
        return problems;
      }),
    );
  }
  for (const rawD of arr(json.decisions)) {
    const d = obj(rawD);
    const pct = Number(d.samplingPercentage);
    out.push(
      guarded(`decisions-seed-${str(d.hashSeed)}-${pct}`, () => {
        const sampler = createProbabilisticSampler('probabilistic_sampler', { sampling_percentage: pct, hash_seed: d.hashSeed, fail_closed: true });
        const spans = ids.map((traceId, i) => ({ traceId, spanId: (i + 1).toString(16).padStart(16, '0'), parentSpanId: '' }));
        const { kept } = keptSpans(sampler, vectorSpansToTraces(spans));
        const want = str(d.sampled);
        const problems: string[] = [];
        const rvTable = arr(rvs[str(d.hashSeed)]).map(str);
        ids.forEach((_, i) => {
          const span = kept.get((i + 1).toString(16).padStart(16, '0'));
          if ((span !== undefined) !== (want[i] === '1')) problems.push(`trace ${i}: sampled ${span !== undefined}`);
          else if (span !== undefined) {
            const ts = `ot=rv:${rvTable[i] ?? ''};th:${tvalues.get(pct) ?? '?'}`;
            if (span.traceState !== ts) problems.push(`trace ${i}: tracestate ${span.traceState} != ${ts}`);
          }
        });
        return problems.slice(0, 5);
      }),
    );
  }
  return out;
}

function runSpanCases(json: Json): VectorCaseResult[] {
  return arr(json.cases).map((raw) => {
    const c = obj(raw);
    return guarded(str(c.id), () => {
      const sampler = createProbabilisticSampler('probabilistic_sampler', c.config);
      const { span, resource } = vectorSpan({ parentSpanId: '', ...obj(c.span) });
      const data: TracesData = { resourceSpans: [{ resource, schemaUrl: '', scopeSpans: [{ scope: { name: '', version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans: [span] }] }] };
      const { kept, issues } = keptSpans(sampler, data);
      const expected = obj(c.expected);
      const problems: string[] = [];
      const out = kept.get(span.spanId);
      if ((out !== undefined) !== (expected.sampled === true)) problems.push(`sampled ${out !== undefined}, expected ${str(expected.sampled)}`);
      if (out !== undefined && typeof expected.traceState === 'string' && out.traceState !== expected.traceState) {
        problems.push(`tracestate ${JSON.stringify(out.traceState)} != ${JSON.stringify(expected.traceState)}`);
      }
      if (typeof expected.reason === 'string' && !issues.some((m) => m.includes(str(expected.reason)))) {
        problems.push(`reason ${JSON.stringify(expected.reason)} not reported (issues: ${issues.join(' | ') || 'none'})`);
      }
      if (spanCount(data) !== 1) problems.push('input changed');
      return problems;
    });
  });
}

function runOtep235(json: Json): VectorCaseResult[] {
  const out: VectorCaseResult[] = [];
  arr(json.probabilityToTValue).forEach((raw, i) => {
    const c = obj(raw);
    out.push(
      guarded(`probabilityToTValue-${i}-p${str(c.probability)}-prec${str(c.precision)}`, () => {
        const t = probabilityToThreshold(Number(c.probability), Number(c.precision));
        if (c.error !== undefined) return t === undefined ? [] : [`expected error ${str(c.error)}, got ${hex56(t)}`];
        if (t === undefined) return ['unexpected probability out of range'];
        const problems: string[] = [];
        if (hex56(t) !== c.thresholdHex14) problems.push(`threshold ${hex56(t)} != ${str(c.thresholdHex14)}`);
        if (thresholdToTValue(t) !== c.tvalue) problems.push(`tvalue ${thresholdToTValue(t)} != ${str(c.tvalue)}`);
        return problems;
      }),
    );
  });
  arr(json.tvalueParse).forEach((raw, i) => {
    const c = obj(raw);
    out.push(
      guarded(`tvalueParse-${i}-${str(c.th)}`, () => {
        const r = parseTValue(str(c.th));
        if (c.valid !== true) return r.ok ? [`expected invalid, got ${hex56(r.value)}`] : [];
        if (!r.ok) return [`unexpected error ${r.error}`];
        const problems: string[] = [];
        if (hex56(r.value) !== c.thresholdHex14) problems.push(`threshold ${hex56(r.value)} != ${str(c.thresholdHex14)}`);
        if (thresholdToTValue(r.value) !== c.canonicalTValue) problems.push(`canonical ${thresholdToTValue(r.value)} != ${str(c.canonicalTValue)}`);
        return problems;
      }),
    );
  });
  arr(json.rvalueParse).forEach((raw, i) => {
    const c = obj(raw);
    out.push(
      guarded(`rvalueParse-${i}-${str(c.rv)}`, () => {
        const r = parseRValue(str(c.rv));
        if (c.valid !== true) return r.ok ? [`expected invalid, got ${hex56(r.value)}`] : [];
        if (!r.ok) return [`unexpected error ${r.error}`];
        return hex56(r.value) === c.randomnessHex14 ? [] : [`randomness ${hex56(r.value)} != ${str(c.randomnessHex14)}`];
      }),
    );
  });
  arr(json.traceIdRandomness).forEach((raw, i) => {
    const c = obj(raw);
    out.push(
      guarded(`traceIdRandomness-${i}-${str(c.traceId)}`, () => {
        const got = hex56(traceIdRandomness(str(c.traceId)));
        return got === c.randomnessHex14 ? [] : [`${got} != ${str(c.randomnessHex14)}`];
      }),
    );
  });
  arr(json.thresholdVsRandomness).forEach((raw, i) => {
    const c = obj(raw);
    out.push(
      guarded(`thresholdVsRandomness-${i}-th${str(c.th)}-rv${str(c.rv)}`, () => {
        const t = parseTValue(str(c.th));
        const r = parseRValue(str(c.rv));
        if (!t.ok || !r.ok) return ['unparsable input'];
        const sampled = t.value <= r.value;
        return sampled === c.sampled ? [] : [`sampled ${sampled}, expected ${str(c.sampled)}`];
      }),
    );
  });
  return out;
}

/**
 * Runs every case of one vector file and reports each by id (table files get synthesised ids such
 * as `decisions-default-50`). An unknown schema yields a single failing result.
 */
export function runSamplingVectorFile(fileName: string, json: unknown): VectorCaseResult[] {
  const j = obj(json);
  const schema = str(j.schema ?? '');
  switch (schema.slice(SCHEMA_PREFIX.length).replace(/\/v\d+$/, '')) {
    case 'tail-policy-cases':
      return runTailPolicyCases(j);
    case 'tail-decision-combination':
      return runCombination(j);
    case 'tail-stateful-sequences':
      return runStateful(j);
    case 'tail-probabilistic-hash':
      return runTailHash(j);
    case 'probabilistic-sampler-hash-seed':
      return runHashSeed(j);
    case 'probabilistic-sampler-span-cases':
      return runSpanCases(j);
    case 'otep235-thresholds':
      return runOtep235(j);
    default:
      return [{ id: fileName, passed: false, message: `unknown sampling vector schema ${JSON.stringify(schema)}` }];
  }
}
