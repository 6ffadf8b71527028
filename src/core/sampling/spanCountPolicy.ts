import type { PolicyEvaluator } from './samplingPolicy';

/**
 * `span_count` (sampling-spec §2.4.10): `max_spans` 0 means no maximum; otherwise the inclusive
 * range. Mirrors the upstream switch exactly.
 */
export function spanCountPolicy(name: string, minSpans: number, maxSpans: number): PolicyEvaluator {
  const range = maxSpans === 0 ? `>= ${minSpans}` : `in [${minSpans}, ${maxSpans}]`;
  return {
    name,
    type: 'span_count',
    stateful: false,
    evaluate(trace) {
      const n = trace.spanCount;
      const sampled = (maxSpans === 0 && n >= minSpans) || (n >= minSpans && n <= maxSpans);
      return { decision: sampled ? 'Sampled' : 'NotSampled', detail: `span count ${n} ${sampled ? 'is' : 'is not'} ${range}` };
    },
  };
}
