import type { PolicyVerdict } from '../simulation/component';
import type { PolicyEvaluator, PolicyResult } from './samplingPolicy';

export interface CompositeSubPolicy {
  readonly evaluator: PolicyEvaluator;
  /** Spans-per-second budget, already truncated to an integer. */
  readonly allocatedSps: number;
}

/**
 * Budgets of composite sub-policies (sampling-spec §2.4.18): `percent/100 × max_total` for a
 * `rate_allocation` entry with percent > 0, otherwise `max_total / number_of_sub_policies` (omitted
 * sub-policies too, since PR #49857), truncated to an integer.
 */
export function compositeAllocations(maxTotal: number, subNames: readonly string[], allocation: ReadonlyMap<string, number>): number[] {
  const defaultSps = maxTotal / subNames.length;
  return subNames.map((n) => {
    const percent = allocation.get(n);
    return Math.trunc(percent !== undefined && percent > 0 ? (percent / 100) * maxTotal : defaultSps);
  });
}

/**
 * `composite` (sampling-spec §2.4.18): sub-policies in `composite_sub_policy` order
 * (`policy_order` is ignored, issue #36955); the first that samples decides — within its budget
 * and `max_total` it is Sampled, otherwise NotSampled without trying later ones (issue #36959).
 * Per-sub-policy counters reset whenever the Unix second changes.
 */
export function compositePolicy(name: string, maxTotal: number, subs: readonly CompositeSubPolicy[]): PolicyEvaluator {
  const counters = subs.map(() => 0);
  let currentSecond = Number.NaN;
  return {
    name,
    type: 'composite',
    stateful: true,
    evaluate(trace, nowMs): PolicyResult {
      const second = Math.floor(nowMs / 1000);
      if (second !== currentSecond) {
        currentSecond = second;
        counters.fill(0);
      }
      const children: PolicyVerdict[] = [];
      for (let i = 0; i < subs.length; i++) {
        const sub = subs[i];
        if (sub === undefined) continue;
        const r = sub.evaluator.evaluate(trace, nowMs);
        children.push({ policy: sub.evaluator.name, verdict: r.decision, detail: r.detail });
        if (r.decision === 'Error') return { decision: 'Error', detail: `sub-policy ${sub.evaluator.name} failed: ${r.detail}`, children };
        if (r.decision === 'Sampled' || r.decision === 'InvertSampled') {
          const ifSampled = (counters[i] ?? 0) + trace.spanCount;
          if (ifSampled <= sub.allocatedSps && ifSampled <= maxTotal) {
            counters[i] = ifSampled;
            return { decision: 'Sampled', detail: `${sub.evaluator.name} sampled; ${ifSampled}/${sub.allocatedSps} spans this second`, children };
          }
          return { decision: 'NotSampled', detail: `${sub.evaluator.name} matched but ${ifSampled} spans exceed its ${sub.allocatedSps} spans/s budget`, children };
        }
      }
      return { decision: 'NotSampled', detail: 'no sub-policy sampled', children };
    },
  };
}
