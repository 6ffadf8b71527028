import type { PolicyVerdict } from '../simulation/component';
import type { PolicyEvaluator, PolicyResult } from './samplingPolicy';

/**
 * `and` (sampling-spec §2.4.15) and the body of `drop` (§2.4.17): sub-policies in order; the first
 * NotSampled (or InvertNotSampled) ends evaluation with NotSampled, so later — possibly stateful —
 * sub-policies are not evaluated; an Error returns Error; otherwise `allMatched`.
 */
export function evaluateAll(subs: readonly PolicyEvaluator[], allMatched: 'Sampled' | 'Dropped', trace: Parameters<PolicyEvaluator['evaluate']>[0], nowMs: number): PolicyResult {
  const children: PolicyVerdict[] = [];
  for (const sub of subs) {
    const r = sub.evaluate(trace, nowMs);
    children.push({ policy: sub.name, verdict: r.decision, detail: r.detail });
    if (r.decision === 'Error') return { decision: 'Error', detail: `sub-policy ${sub.name} failed: ${r.detail}`, children };
    if (r.decision === 'NotSampled' || r.decision === 'InvertNotSampled') {
      return { decision: 'NotSampled', detail: `sub-policy ${sub.name} did not match: ${r.detail}`, children };
    }
  }
  return { decision: allMatched, detail: `all ${subs.length} sub-policies matched`, children };
}

/** `and`: Sampled iff every sub-policy samples (§2.4.15). */
export function andPolicy(name: string, subs: readonly PolicyEvaluator[]): PolicyEvaluator {
  return {
    name,
    type: 'and',
    stateful: subs.some((s) => s.stateful),
    evaluate: (trace, nowMs) => evaluateAll(subs, 'Sampled', trace, nowMs),
  };
}
