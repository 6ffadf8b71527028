import { someSpan, type PolicyEvaluator } from './samplingPolicy';

/** `trace_flags` (sampling-spec §2.4.12): Sampled if any span has the W3C sampled bit (bit 0). */
export function traceFlagsPolicy(name: string): PolicyEvaluator {
  return {
    name,
    type: 'trace_flags',
    stateful: false,
    evaluate(trace) {
      return someSpan(trace, (span) => (span.flags & 0x01) !== 0)
        ? { decision: 'Sampled', detail: 'a span has the W3C sampled flag' }
        : { decision: 'NotSampled', detail: 'no span has the W3C sampled flag' };
    },
  };
}
