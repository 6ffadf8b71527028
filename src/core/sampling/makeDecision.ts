import type { PolicyVerdict, TraceDecisionRecord } from '../simulation/component';
import type { PolicyDecision, PolicyEvaluator, PolicyResult, SampledTrace } from './samplingPolicy';

export type FinalDecision = TraceDecisionRecord['decision'];

export interface DecisionOutcome {
  readonly decision: FinalDecision;
  /** Verdicts of the policies actually evaluated, in evaluation order. */
  readonly verdicts: readonly PolicyVerdict[];
  /** First policy that returned a plain Sampled (the `recordpolicy` gate's `tailsampling.policy`). */
  readonly matchingPolicy?: string;
}

const SEEN: Readonly<Record<PolicyDecision, number>> = { Sampled: 1, NotSampled: 2, Dropped: 4, Error: 8, InvertSampled: 16, InvertNotSampled: 32 };

/** Top-level `drop` policies first (list order), then all others (list order) — sampling-spec §2.5. */
export function orderPolicies(policies: readonly PolicyEvaluator[]): PolicyEvaluator[] {
  return [...policies.filter((p) => p.type === 'drop'), ...policies.filter((p) => p.type !== 'drop')];
}

/**
 * The processor's `makeDecision` (sampling-spec §2.5) over policies already in evaluation order:
 * Errors are skipped; evaluation stops after a Dropped, and after a plain Sampled with
 * `sampleOnFirstMatch`. Precedence: Dropped > InvertNotSampled > Sampled > InvertSampled without
 * NotSampled > not sampled.
 */
export function makeDecision(
  ordered: readonly PolicyEvaluator[],
  trace: SampledTrace,
  nowMs: number,
  sampleOnFirstMatch: boolean,
  verdictOf: (policy: string, result: PolicyResult) => PolicyVerdict = (policy, r) => ({ policy, verdict: r.decision, detail: r.detail }),
): DecisionOutcome {
  // The verdicts seen, as bits (no set per trace).
  let seen = 0;
  const verdicts: PolicyVerdict[] = [];
  let matchingPolicy: string | undefined;
  for (const p of ordered) {
    const r = p.evaluate(trace, nowMs);
    verdicts.push(verdictOf(p.name, r));
    if (r.decision === 'Error') continue;
    if (matchingPolicy === undefined && r.decision === 'Sampled') matchingPolicy = p.name;
    seen |= SEEN[r.decision];
    if (r.decision === 'Dropped') break;
    if (sampleOnFirstMatch && r.decision === 'Sampled') break;
  }
  let decision: FinalDecision;
  if (seen & SEEN.Dropped) decision = 'dropped';
  else if (seen & SEEN.InvertNotSampled) decision = 'not_sampled';
  else if (seen & SEEN.Sampled) decision = 'sampled';
  else if (seen & SEEN.InvertSampled && !(seen & SEEN.NotSampled)) decision = 'sampled';
  else decision = 'not_sampled';
  return matchingPolicy === undefined ? { decision, verdicts } : { decision, verdicts, matchingPolicy };
}

/** Distinct results and details kept per policy before `verdictInterner` stops sharing (latency details are all different). */
const INTERN_LIMIT = 4096;

interface PolicyVerdicts {
  /** By the result object a policy returned (most policies return one of a few shared results). */
  readonly byResult: Map<PolicyResult, PolicyVerdict>;
  /** By verdict and detail text, for results made fresh per trace. */
  readonly byDetail: Map<PolicyDecision, Map<string, PolicyVerdict>>;
}

/**
 * Shares one verdict object among the traces that got the same verdict with the same detail from
 * the same policy (most details repeat: "no span has status in [ERROR]"). A run keeps a verdict
 * list per trace for its whole length, so this keeps far fewer objects alive; verdicts are never
 * changed after they are made. A result object seen before is found by identity, without hashing
 * its detail text.
 */
export function verdictInterner(): (policy: string, result: PolicyResult) => PolicyVerdict {
  const byPolicy = new Map<string, PolicyVerdicts>();
  return (policy, result) => {
    let known = byPolicy.get(policy);
    if (known === undefined) byPolicy.set(policy, (known = { byResult: new Map(), byDetail: new Map() }));
    const same = known.byResult.get(result);
    if (same !== undefined) return same;
    const { decision: verdict, detail } = result;
    let byDetail = known.byDetail.get(verdict);
    if (byDetail === undefined) known.byDetail.set(verdict, (byDetail = new Map()));
    let made = byDetail.get(detail);
    if (made === undefined) {
      made = { policy, verdict, detail };
      // Once a policy's details prove to be all different (latencies), stop keeping them.
      if (byDetail.size < INTERN_LIMIT) byDetail.set(detail, made);
    }
    if (known.byResult.size < INTERN_LIMIT) known.byResult.set(result, made);
    return made;
  };
}
