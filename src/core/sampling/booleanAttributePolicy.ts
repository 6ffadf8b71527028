import type { AnyValue } from '../telemetry/pdata';
import { filterResults, firstResourceOrSpanMatch, type PolicyEvaluator } from './samplingPolicy';

/**
 * `boolean_attribute` (sampling-spec §2.4.13): `key` exists and its boolean reading equals `value`;
 * a non-bool value reads as false (§1.1), so it matches `value: false`.
 */
export function booleanAttributePolicy(name: string, key: string, value: boolean, invertMatch: boolean): PolicyEvaluator {
  const test = (attrs: Map<string, AnyValue>): boolean => {
    const v = attrs.get(key);
    if (v === undefined) return false;
    return (v.kind === 'bool' ? v.value : false) === value;
  };
  const what = `${key} == ${value}`;
  const result = filterResults(what, invertMatch);
  return {
    name,
    type: 'boolean_attribute',
    stateful: false,
    evaluate: (trace) => result(firstResourceOrSpanMatch(trace, (r) => test(r.attributes), (s) => test(s.attributes))),
  };
}
