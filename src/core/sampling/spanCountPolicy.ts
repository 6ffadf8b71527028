import { RESULTS_KEPT, type PolicyEvaluator, type PolicyResult } from './samplingPolicy';

/**
 * `span_count` (sampling-spec §2.4.10): `max_spans` 0 means no maximum; otherwise the inclusive
 * range. Mirrors the upstream switch exactly.
 */
export function spanCountPolicy(name: string, minSpans: number, maxSpans: number): PolicyEvaluator {
  const range = maxSpans === 0 ? `>= ${minSpans}` : `in [${minSpans}, ${maxSpans}]`;
  // One result per span count seen (traces of a run share a few counts).
  const byCount = new Map<number, PolicyResult>();
  return {
    name,
    type: 'span_count',
    stateful: false,
    evaluate(trace) {
      const n = trace.spanCount;
      let r = byCount.get(n);
      if (r === undefined) {
        const sampled = (maxSpans === 0 && n >= minSpans) || (n >= minSpans && n <= maxSpans);
        r = { decision: sampled ? 'Sampled' : 'NotSampled', detail: `span count ${n} ${sampled ? 'is' : 'is not'} ${range}` };
        if (byCount.size < RESULTS_KEPT) byCount.set(n, r);
      }
      return r;
    },
  };
}
