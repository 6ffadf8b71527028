import type { ComponentIssue, ConsumeResult, TracesComponent } from '../simulation/component';
import type { AnyValue, ResourceSpans, ScopeSpans, Span, TracesData } from '../telemetry/pdata';
import { fnv1a32SeedTraceId } from './fnv1a32';
import { parseGoFloat } from './parseGoFloat';
import type { ProbabilisticSamplerConfig } from './probabilisticSamplerConfig';
import {
  ALL_PROBABILITIES_RANDOMNESS,
  ALWAYS_SAMPLE_THRESHOLD,
  MIN_SAMPLING_PROBABILITY,
  NEVER_SAMPLE_THRESHOLD,
  isEmptyTraceId,
  probabilityToThreshold,
  thresholdProbability,
  traceIdRandomness,
} from './samplingThreshold';
import {
  clearThreshold,
  hasRValue,
  hasTValue,
  parseW3CTraceState,
  serializeW3CTraceState,
  setThreshold,
  type W3CTraceState,
  emptyOTelTraceState,
} from './w3cTraceState';

/** The verdict on one span (sampling-spec §3.2). */
export interface SpanSamplingOutcome {
  readonly sampled: boolean;
  /** The span's tracestate after the processor (unchanged unless kept with a carrier). */
  readonly traceState: string;
  /** The internal error message when the error path was taken (the Collector only logs it). */
  readonly error?: string;
}

const ERR_MISSING_RANDOMNESS = 'missing randomness';
const ERR_INCONSISTENT = 'inconsistent arriving threshold: item should not have been sampled';
const ERR_RANDOMNESS_IN_USE = 'item has sampling randomness, equalizing or proportional mode recommended';
const ERR_THRESHOLD_IN_USE = 'item has sampling threshold, equalizing or proportional mode recommended';

const NUM_HASH_BUCKETS = 16384;
const SCALE_FACTOR_F32 = Math.fround(163.84);

type Strategy =
  | { readonly kind: 'never' }
  | { readonly kind: 'hash_seed'; readonly scaled: number; readonly threshold: bigint; readonly seed: number }
  | { readonly kind: 'equalizing'; readonly threshold: bigint }
  | { readonly kind: 'proportional'; readonly ratio: number; readonly precision: number };

/**
 * hash_seed acceptance bucket count `S = trunc(float32(pct) × float32(163.84))` with pct clamped
 * to 100 and a single-precision multiply (sampling-spec §3.3).
 */
export function hashSeedScaledRate(samplingPercentage: number): number {
  const pct = samplingPercentage > 100 ? 100 : samplingPercentage;
  return Math.trunc(Math.fround(Math.fround(pct) * SCALE_FACTOR_F32));
}

/** `makeSampler` (§3.2.3, §3.3): the per-mode threshold source chosen once from the config. */
function makeStrategy(cfg: ProbabilisticSamplerConfig): Strategy {
  const pct = cfg.samplingPercentage > 100 ? 100 : cfg.samplingPercentage;
  if (pct === 0) return { kind: 'never' };
  const ratio = Math.max(pct / 100, MIN_SAMPLING_PROBABILITY);
  switch (cfg.mode) {
    case 'equalizing':
      return { kind: 'equalizing', threshold: probabilityToThreshold(ratio, cfg.samplingPrecision) ?? NEVER_SAMPLE_THRESHOLD };
    case 'proportional':
      return { kind: 'proportional', ratio, precision: cfg.samplingPrecision };
    case 'hash_seed': {
      const scaled = hashSeedScaledRate(pct);
      if (scaled === 0) return { kind: 'never' };
      return { kind: 'hash_seed', scaled, threshold: BigInt(NUM_HASH_BUCKETS - scaled) << 42n, seed: cfg.hashSeed };
    }
  }
}

/**
 * 56-bit randomness written as `rv` in hash_seed mode (§3.3):
 * `((16383 − bucket) << 42) | ((u ⊕ (u << 10)) << 14) | bucket`, u = h32 >> 18, as 14 hex digits.
 * Built from two 28-bit halves so no BigInt is needed.
 */
export function hashSeedRValue(h32: number): string {
  const bucket = h32 & 0x3fff;
  const u = h32 >>> 18;
  const mixed = (u ^ (u << 10)) & 0xffffff;
  // mixed occupies bits 14..37: its top 10 bits fall in the high half, its low 14 in the low half.
  const high28 = ((NUM_HASH_BUCKETS - 1 - bucket) << 14) | (mixed >>> 14);
  const low28 = ((mixed & 0x3fff) << 14) | bucket;
  return high28.toString(16).padStart(7, '0') + low28.toString(16).padStart(7, '0');
}

/** `sampling.priority` (§3.2.4): 'always' | 'never' | undefined (defer). */
function samplingPriority(p: AnyValue | undefined): 'always' | 'never' | undefined {
  if (p === undefined) return undefined;
  let value: number | bigint | undefined;
  if (p.kind === 'int') value = p.value;
  else if (p.kind === 'double') value = p.value;
  else if (p.kind === 'string') value = parseGoFloat(p.value);
  if (value === undefined) return undefined;
  // Compare against zero of the same type (a bigint is never NaN).
  if (typeof value === 'bigint') return value === 0n ? 'never' : value > 0n ? 'always' : undefined;
  if (value === 0) return 'never';
  if (value > 0) return 'always';
  return undefined;
}

/**
 * The `probabilistic_sampler` processor for traces (sampling-spec §3): each span is kept or
 * dropped on its own; kept spans get their OTEP 235 tracestate updated.
 */
export class ProbabilisticSampler implements TracesComponent {
  private readonly strategy: Strategy;
  /**
   * Outcomes of spans with no tracestate and no `sampling.priority`: those depend on the trace id
   * alone (§3.2 steps 1–6 read nothing else), so the spans of one trace are decided once.
   */
  private readonly plainOutcomes = new Map<string, SpanSamplingOutcome>();

  constructor(
    readonly id: string,
    readonly config: ProbabilisticSamplerConfig,
  ) {
    this.strategy = makeStrategy(config);
  }

  /** Decides one span, exactly as `commonShouldSampleLogic` does (§3.2 steps 1–6). */
  sampleSpan(span: Span): SpanSamplingOutcome {
    return this.sampleFields(span.traceId, span.traceState, span.attributes.get('sampling.priority'));
  }

  /**
   * `sampleSpan` from the only fields it reads: the trace id, the tracestate and the
   * `sampling.priority` attribute. The columnar run (decision 0014) reads them from the columns
   * and keeps its own per-trace outcomes, so it asks `decideSpan` instead.
   */
  sampleFields(traceId: string, traceState: string, priority: AnyValue | undefined): SpanSamplingOutcome {
    if (traceState !== '' || priority !== undefined) return this.decideSpan(traceId, traceState, priority);
    let outcome = this.plainOutcomes.get(traceId);
    if (outcome === undefined) {
      outcome = this.decideSpan(traceId, traceState, priority);
      if (this.plainOutcomes.size >= 65_536) this.plainOutcomes.clear();
      this.plainOutcomes.set(traceId, outcome);
    }
    return outcome;
  }

  /** `sampleFields` without the per-trace cache of plain outcomes. */
  decideSpan(traceId: string, raw: string, priorityValue: AnyValue | undefined): SpanSamplingOutcome {
    const strategy = this.strategy;
    // Step 1: randomness and carrier.
    let rnd = ALL_PROBABILITIES_RANDOMNESS;
    let missing = false;
    let h32 = -1;
    let carrier: W3CTraceState | undefined;
    let error: string | undefined;
    const parsed = raw === '' ? undefined : parseW3CTraceState(raw);
    if (strategy.kind === 'hash_seed') {
      if (isEmptyTraceId(traceId)) missing = true;
      else h32 = fnv1a32SeedTraceId(strategy.seed, traceId);
      if (parsed !== undefined && !parsed.ok) error = parsed.error;
      else {
        const state = parsed?.state ?? { ot: emptyOTelTraceState(), others: [] };
        if (hasRValue(state.ot)) error = ERR_RANDOMNESS_IN_USE;
        else if (hasTValue(state.ot)) error = ERR_THRESHOLD_IN_USE;
        else carrier = state; // rv is written lazily below, only if the span is kept
      }
    } else if (strategy.kind === 'never') {
      // A placeholder randomness that is not "missing" (neverSampler): no consistency error.
      carrier = parsed?.state ?? { ot: emptyOTelTraceState(), others: [] };
      if (parsed !== undefined && !parsed.ok) error = parsed.error;
    } else {
      carrier = parsed?.state ?? { ot: emptyOTelTraceState(), others: [] };
      if (parsed !== undefined && !parsed.ok) {
        error = parsed.error;
        missing = true;
      } else if (hasRValue(carrier.ot)) rnd = carrier.ot.randomness;
      else if (!isEmptyTraceId(traceId)) rnd = traceIdRandomness(traceId);
      else missing = true;
    }

    // Step 2: consistency check.
    if (error === undefined) {
      if (missing) error = ERR_MISSING_RANDOMNESS;
      else if (carrier !== undefined && hasTValue(carrier.ot) && !(carrier.ot.threshold <= rnd)) {
        // An arriving th above the randomness is a lie: clear it, take the error path (§3.2.2).
        // (hash_seed never gets here: an arriving th is already an error.)
        clearThreshold(carrier.ot);
        error = ERR_INCONSISTENT;
      }
    }

    // Step 3: threshold. 'hash' stands for the hash_seed threshold, compared by bucket.
    let threshold: bigint | 'hash';
    if (error !== undefined) threshold = this.config.failClosed ? NEVER_SAMPLE_THRESHOLD : ALWAYS_SAMPLE_THRESHOLD;
    else threshold = this.decide(carrier);

    // Step 4: sampling.priority override.
    const priority = samplingPriority(priorityValue);
    if (priority === 'always') threshold = ALWAYS_SAMPLE_THRESHOLD;
    else if (priority === 'never') threshold = NEVER_SAMPLE_THRESHOLD;

    // Step 5: keep iff T <= R; in hash_seed mode T <= R iff bucket < S (§3.3).
    let sampled: boolean;
    if (threshold === 'hash') sampled = (h32 & 0x3fff) < (strategy.kind === 'hash_seed' ? strategy.scaled : 0);
    else sampled = threshold <= rnd;

    // Step 6: tracestate update when kept and a carrier exists.
    let traceState = raw;
    if (sampled && carrier !== undefined) {
      if (strategy.kind === 'hash_seed') {
        carrier.ot.rvalue = missing ? 'ffffffffffffff' : hashSeedRValue(h32);
      }
      const t = threshold === 'hash' ? (strategy.kind === 'hash_seed' ? strategy.threshold : 0n) : threshold;
      // updateThreshold: an arriving larger (stricter) th is kept (§3.2.6).
      if (!(hasTValue(carrier.ot) && carrier.ot.threshold > t)) setThreshold(carrier.ot, t);
      traceState = serializeW3CTraceState(carrier);
    }
    return error === undefined ? { sampled, traceState } : { sampled, traceState, error };
  }

  private decide(carrier: W3CTraceState | undefined): bigint | 'hash' {
    const s = this.strategy;
    switch (s.kind) {
      case 'never':
        return NEVER_SAMPLE_THRESHOLD;
      case 'hash_seed':
        return 'hash';
      case 'equalizing': {
        // An arriving stricter threshold is kept (§3.2.3).
        if (carrier !== undefined && hasTValue(carrier.ot) && s.threshold < carrier.ot.threshold) return carrier.ot.threshold;
        return s.threshold;
      }
      case 'proportional': {
        const incoming = carrier !== undefined && hasTValue(carrier.ot) ? thresholdProbability(carrier.ot.threshold) : 1;
        return probabilityToThreshold(incoming * s.ratio, s.precision) ?? NEVER_SAMPLE_THRESHOLD;
      }
    }
  }

  consume(data: TracesData, _nowMs: number): ConsumeResult {
    const errors = new Map<string, number>();
    const resourceSpans: ResourceSpans[] = [];
    for (const rs of data.resourceSpans) {
      const scopeSpans: ScopeSpans[] = [];
      for (const ss of rs.scopeSpans) {
        const spans: Span[] = [];
        for (const span of ss.spans) {
          const outcome = this.sampleSpan(span);
          if (outcome.error !== undefined) errors.set(outcome.error, (errors.get(outcome.error) ?? 0) + 1);
          if (!outcome.sampled) continue;
          // In place, as the Collector updates the span's tracestate (processors-spec §0: the
          // pipeline hands each consumer data it owns).
          if (outcome.traceState !== span.traceState) span.traceState = outcome.traceState;
          spans.push(span);
        }
        // Empty scope / resource groups are removed (§3.2).
        if (spans.length > 0) scopeSpans.push({ ...ss, spans });
      }
      if (scopeSpans.length > 0) resourceSpans.push({ ...rs, scopeSpans });
    }
    const issues: ComponentIssue[] = [];
    for (const [message, count] of errors) {
      issues.push({ severity: 'info', message: `traces sampler: ${message} (${count} span${count === 1 ? '' : 's'})` });
    }
    const emitted = resourceSpans.length > 0 ? [{ data: { resourceSpans } }] : [];
    return issues.length > 0 ? { emitted, issues } : { emitted };
  }

  advance(_nowMs: number): ConsumeResult {
    return { emitted: [] };
  }

  flush(_nowMs: number): ConsumeResult {
    return { emitted: [] };
  }
}
