import type { PolicyVerdict } from '../simulation/component';
import type { InstrumentationScope, Resource, ResourceSpans, Span } from '../telemetry/pdata';

/** A policy evaluator's result (sampling-spec §2.4: Sampled, NotSampled, Dropped, Error, Invert*). */
export type PolicyDecision = PolicyVerdict['verdict'];

/**
 * What a policy sees of a trace: every received batch as its own ResourceSpans, in arrival order
 * (sampling-spec §1.2), and the span count (§1.3).
 */
export interface SampledTrace {
  readonly traceId: string;
  readonly batches: readonly ResourceSpans[];
  readonly spanCount: number;
  /** OTLP protobuf size of the stored batches (bytes_limiting, §2.4.9); memoised by the holder. */
  byteSize(): number;
}

export interface PolicyResult {
  readonly decision: PolicyDecision;
  /** Human-readable reason, e.g. "latency 130 ms <= threshold 1000 ms". */
  readonly detail: string;
  /** Verdicts of sub-policies actually evaluated (and, drop, not, composite). */
  readonly children?: readonly PolicyVerdict[];
}

/** A configured tail_sampling policy (the Collector's `samplingpolicy.Evaluator`). */
export interface PolicyEvaluator {
  readonly name: string;
  readonly type: string;
  /** Outcome depends on evaluation order or time (rate limiters, composite budgets) (§2.1). */
  readonly stateful: boolean;
  /** Evaluates a whole trace at simulated time `nowMs` (ms on the data's clock). */
  evaluate(trace: SampledTrace, nowMs: number): PolicyResult;
}

/**
 * How many results a policy whose detail carries a number (a latency, a span count) keeps to hand
 * out again: traces of a run share them, and the verdicts of a run are then shared objects too.
 */
export const RESULTS_KEPT = 4096;

/** `make` memoised by value, up to `RESULTS_KEPT` values (beyond that, results are made fresh). */
export function resultsByValue<V>(make: (value: V) => PolicyResult): (value: V) => PolicyResult {
  const kept = new Map<V, PolicyResult>();
  return (value) => {
    let r = kept.get(value);
    if (r === undefined) {
      r = make(value);
      if (kept.size < RESULTS_KEPT) kept.set(value, r);
    }
    return r;
  };
}

/** Calls `test` for every span in stored order; true as soon as one returns true (hasSpanWithCondition). */
export function someSpan(trace: SampledTrace, test: (span: Span, resource: Resource, scope: InstrumentationScope) => boolean): boolean {
  for (const rs of trace.batches) {
    for (const ss of rs.scopeSpans) {
      for (const span of ss.spans) if (test(span, rs.resource, ss.scope)) return true;
    }
  }
  return false;
}

/**
 * hasResourceOrSpanWithCondition: per batch, the resource first, then its spans; true on the first
 * match. Returns the kind of the first match for the detail text, or undefined.
 */
export function firstResourceOrSpanMatch(
  trace: SampledTrace,
  testResource: (resource: Resource) => boolean,
  testSpan: (span: Span) => boolean,
): 'resource' | 'span' | undefined {
  for (const rs of trace.batches) {
    if (testResource(rs.resource)) return 'resource';
    for (const ss of rs.scopeSpans) {
      for (const span of ss.spans) if (testSpan(span)) return 'span';
    }
  }
  return undefined;
}

/**
 * The shared filter outcome of string / numeric / boolean policies, including the stable
 * `invert_match` semantics: exactly the negation, never InvertSampled/InvertNotSampled (§2.4.3).
 * Made once per policy (its `what` never changes), so every trace's verdict shares one of three
 * results.
 */
export function filterResults(what: string, invert: boolean): (matched: 'resource' | 'span' | undefined) => PolicyResult {
  const none: PolicyResult = invert ? { decision: 'Sampled', detail: `invert_match: no resource or span has ${what}` } : { decision: 'NotSampled', detail: `no resource or span has ${what}` };
  const resource: PolicyResult = invert ? { decision: 'NotSampled', detail: `invert_match: a resource has ${what}` } : { decision: 'Sampled', detail: `a resource has ${what}` };
  const span: PolicyResult = invert ? { decision: 'NotSampled', detail: `invert_match: a span has ${what}` } : { decision: 'Sampled', detail: `a span has ${what}` };
  return (matched) => (matched === undefined ? none : matched === 'resource' ? resource : span);
}
