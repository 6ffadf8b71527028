import type { PolicyEvaluator } from './samplingPolicy';

/** `not` (sampling-spec §2.4.16): Sampled ↔ NotSampled; other results pass through unchanged. */
export function notPolicy(name: string, sub: PolicyEvaluator): PolicyEvaluator {
  return {
    name,
    type: 'not',
    stateful: sub.stateful,
    evaluate(trace, nowMs) {
      const r = sub.evaluate(trace, nowMs);
      const children = [{ policy: sub.name, verdict: r.decision, detail: r.detail }];
      if (r.decision === 'Sampled') return { decision: 'NotSampled', detail: `not: ${sub.name} sampled (${r.detail})`, children };
      if (r.decision === 'NotSampled') return { decision: 'Sampled', detail: `not: ${sub.name} did not sample (${r.detail})`, children };
      return { decision: r.decision, detail: `not: ${sub.name} returned ${r.decision} (${r.detail})`, children };
    },
  };
}
