import type { AnyValue } from '../telemetry/pdata';
import { re2ToJsRegExp } from './re2ToJsRegExp';
import { filterResults, firstResourceOrSpanMatch, type PolicyEvaluator } from './samplingPolicy';

/** String reading: any non-string reads as "" (sampling-spec §1.1). */
function strReading(v: AnyValue): string {
  return v.kind === 'string' ? v.value : '';
}

/**
 * `string_attribute` (sampling-spec §2.4.5). Exact mode: membership in the non-empty `values`.
 * Regex mode: any RE2 expression matches anywhere in the string (unanchored). The resource check
 * has no emptiness test; the span check requires a non-empty reading.
 * Throws `SamplingConfigError` for an invalid expression (#43735).
 */
export function stringAttributePolicy(name: string, key: string, values: readonly string[], regex: boolean, invertMatch: boolean): PolicyEvaluator {
  let matcher: (s: string) => boolean;
  if (regex) {
    const res = values.map(re2ToJsRegExp);
    matcher = (s) => {
      for (const re of res) if (re.test(s)) return true;
      return false;
    };
  } else {
    const set = new Set(values.filter((v) => v !== ''));
    matcher = (s) => set.has(s);
  }
  const what = `${key} ${regex ? 'matching' : 'in'} [${values.join(', ')}]`;
  const testResource = (attrs: Map<string, AnyValue>): boolean => {
    const v = attrs.get(key);
    return v !== undefined && matcher(strReading(v));
  };
  const testSpan = (attrs: Map<string, AnyValue>): boolean => {
    const v = attrs.get(key);
    if (v === undefined) return false;
    const s = strReading(v);
    return s.length > 0 && matcher(s);
  };
  const result = filterResults(what, invertMatch);
  return {
    name,
    type: 'string_attribute',
    stateful: false,
    evaluate: (trace) => result(firstResourceOrSpanMatch(trace, (r) => testResource(r.attributes), (s) => testSpan(s.attributes))),
  };
}
