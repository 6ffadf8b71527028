import type { PolicyVerdict, TraceDecisionRecord } from '../simulation/component';
import type { PolicyDecision, PolicyEvaluator, SampledTrace } from './samplingPolicy';

export type FinalDecision = TraceDecisionRecord['decision'];

export interface DecisionOutcome {
  readonly decision: FinalDecision;
  /** Verdicts of the policies actually evaluated, in evaluation order. */
  readonly verdicts: readonly PolicyVerdict[];
  /** First policy that returned a plain Sampled (the `recordpolicy` gate's `tailsampling.policy`). */
  readonly matchingPolicy?: string;
}

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
  verdictOf: (policy: string, verdict: PolicyDecision, detail: string) => PolicyVerdict = (policy, verdict, detail) => ({ policy, verdict, detail }),
): DecisionOutcome {
  const seen = new Set<PolicyDecision>();
  const verdicts: PolicyVerdict[] = [];
  let matchingPolicy: string | undefined;
  for (const p of ordered) {
    const r = p.evaluate(trace, nowMs);
    verdicts.push(verdictOf(p.name, r.decision, r.detail));
    if (r.decision === 'Error') continue;
    if (matchingPolicy === undefined && r.decision === 'Sampled') matchingPolicy = p.name;
    seen.add(r.decision);
    if (r.decision === 'Dropped') break;
    if (sampleOnFirstMatch && r.decision === 'Sampled') break;
  }
  let decision: FinalDecision;
  if (seen.has('Dropped')) decision = 'dropped';
  else if (seen.has('InvertNotSampled')) decision = 'not_sampled';
  else if (seen.has('Sampled')) decision = 'sampled';
  else if (seen.has('InvertSampled') && !seen.has('NotSampled')) decision = 'sampled';
  else decision = 'not_sampled';
  return matchingPolicy === undefined ? { decision, verdicts } : { decision, verdicts, matchingPolicy };
}

/** Distinct details kept per policy and verdict before `verdictInterner` stops sharing (latency details are all different). */
const INTERN_LIMIT = 4096;

/**
 * Shares one verdict object among the traces that got the same verdict with the same detail from
 * the same policy (most details repeat: "no span has status in [ERROR]"). A run keeps a verdict
 * list per trace for its whole length, so this keeps far fewer objects alive; verdicts are never
 * changed after they are made.
 */
export function verdictInterner(): (policy: string, verdict: PolicyDecision, detail: string) => PolicyVerdict {
  const byPolicy = new Map<string, Map<PolicyDecision, Map<string, PolicyVerdict>>>();
  return (policy, verdict, detail) => {
    let byVerdict = byPolicy.get(policy);
    if (byVerdict === undefined) byPolicy.set(policy, (byVerdict = new Map()));
    let byDetail = byVerdict.get(verdict);
    if (byDetail === undefined) byVerdict.set(verdict, (byDetail = new Map()));
    // Once a policy's details prove to be all different (latencies), stop looking them up.
    if (byDetail.size >= INTERN_LIMIT) return { policy, verdict, detail };
    const found = byDetail.get(detail);
    if (found !== undefined) return found;
    const made: PolicyVerdict = { policy, verdict, detail };
    byDetail.set(detail, made);
    return made;
  };
}
