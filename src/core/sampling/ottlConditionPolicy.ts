import type { ConditionOutcome, SpanConditionEvaluator, SpanEventConditionEvaluator } from './ottlCondition';
import type { PolicyEvaluator, PolicyResult } from './samplingPolicy';

export type OttlErrorMode = 'propagate' | 'ignore' | 'silent';

/**
 * `ottl_condition` (sampling-spec §2.4.14): for each span in order, the `span` conditions (OR),
 * then every span event with the `spanevent` conditions; the first true → Sampled. On an
 * evaluation error, `propagate` returns Error at once (ignored in the final decision); `ignore` /
 * `silent` count the failing condition as false and continue.
 */
export function ottlConditionPolicy(
  name: string,
  spanConditions: readonly { text: string; evaluate: SpanConditionEvaluator }[],
  spanEventConditions: readonly { text: string; evaluate: SpanEventConditionEvaluator }[],
  errorMode: OttlErrorMode,
): PolicyEvaluator {
  return {
    name,
    type: 'ottl_condition',
    stateful: false,
    evaluate(trace): PolicyResult {
      let ignored = 0;
      const check = (r: ConditionOutcome, text: string): PolicyResult | boolean => {
        if (r.ok) return r.value;
        if (errorMode === 'propagate') return { decision: 'Error', detail: `condition ${JSON.stringify(text)} failed: ${r.error}` };
        ignored++;
        return false;
      };
      for (const rs of trace.batches) {
        for (const ss of rs.scopeSpans) {
          for (const span of ss.spans) {
            for (const c of spanConditions) {
              const r = check(c.evaluate(rs, ss, span), c.text);
              if (r === true) return { decision: 'Sampled', detail: `span ${span.spanId} matches ${JSON.stringify(c.text)}` };
              if (r !== false) return r;
            }
            if (spanEventConditions.length === 0) continue;
            for (let e = 0; e < span.events.length; e++) {
              for (const c of spanEventConditions) {
                const r = check(c.evaluate(rs, ss, span, e), c.text);
                if (r === true) return { decision: 'Sampled', detail: `an event of span ${span.spanId} matches ${JSON.stringify(c.text)}` };
                if (r !== false) return r;
              }
            }
          }
        }
      }
      const suffix = ignored > 0 ? ` (${ignored} evaluation error${ignored === 1 ? '' : 's'} ignored)` : '';
      return { decision: 'NotSampled', detail: `no span or span event matches${suffix}` };
    },
  };
}
