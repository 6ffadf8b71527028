import { resultsByValue, type PolicyEvaluator } from './samplingPolicy';

/**
 * `span_count` (sampling-spec §2.4.10): `max_spans` 0 means no maximum; otherwise the inclusive
 * range. Mirrors the upstream switch exactly.
 */
export function spanCountPolicy(name: string, minSpans: number, maxSpans: number): PolicyEvaluator {
  const range = maxSpans === 0 ? `>= ${minSpans}` : `in [${minSpans}, ${maxSpans}]`;
  // One result per span count seen (traces of a run share a few counts).
  const resultFor = resultsByValue((n: number) => {
    const sampled = (maxSpans === 0 && n >= minSpans) || (n >= minSpans && n <= maxSpans);
    return { decision: sampled ? 'Sampled' : 'NotSampled', detail: `span count ${n} ${sampled ? 'is' : 'is not'} ${range}` };
  });
  return {
    name,
    type: 'span_count',
    stateful: false,
    evaluate: (trace) => resultFor(trace.spanCount),
  };
}
