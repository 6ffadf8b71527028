import { parseGoTraceState } from './parseGoTraceState';
import { someSpan, type PolicyEvaluator } from './samplingPolicy';

/**
 * `trace_state` (sampling-spec §2.4.11): Sampled if any span's tracestate value for `key` is in
 * `values`. Values that are empty or with `len(key) + len(value) >= 256` are ignored; a span whose
 * tracestate does not parse never matches.
 */
export function traceStatePolicy(name: string, key: string, values: readonly string[]): PolicyEvaluator {
  const set = new Set(values.filter((v) => v !== '' && key.length + v.length < 256));
  return {
    name,
    type: 'trace_state',
    stateful: false,
    evaluate(trace) {
      let found = '';
      const hit = someSpan(trace, (span) => {
        if (span.traceState === '') return false;
        const members = parseGoTraceState(span.traceState);
        const v = members?.get(key);
        if (v !== undefined && set.has(v)) {
          found = v;
          return true;
        }
        return false;
      });
      return hit
        ? { decision: 'Sampled', detail: `a span has tracestate ${key}=${found}` }
        : { decision: 'NotSampled', detail: `no span has tracestate ${key} in [${[...set].join(', ')}]` };
    },
  };
}
