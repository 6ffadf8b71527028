import type { AnyValue } from '../telemetry/pdata';
import { filterResults, firstResourceOrSpanMatch, type PolicyEvaluator } from './samplingPolicy';

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

/** Integer reading of a value: any non-int reads as 0 (sampling-spec §1.1). */
function intReading(v: AnyValue): bigint {
  return v.kind === 'int' ? v.value : 0n;
}

/**
 * `numeric_attribute` (sampling-spec §2.4.4): a 0 bound means "not set" (#43499); a resource or
 * span attribute `key` whose integer reading is within [min, max] matches.
 */
export function numericAttributePolicy(name: string, key: string, minValue: bigint, maxValue: bigint, invertMatch: boolean): PolicyEvaluator {
  const min = minValue === 0n ? MIN_INT64 : minValue;
  const max = maxValue === 0n ? MAX_INT64 : maxValue;
  const what = `${key} in [${minValue === 0n ? 'min' : min}, ${maxValue === 0n ? 'max' : max}]`;
  const test = (attrs: Map<string, AnyValue>): boolean => {
    const v = attrs.get(key);
    if (v === undefined) return false;
    const n = intReading(v);
    return n >= min && n <= max;
  };
  const result = filterResults(what, invertMatch);
  return {
    name,
    type: 'numeric_attribute',
    stateful: false,
    evaluate: (trace) => result(firstResourceOrSpanMatch(trace, (r) => test(r.attributes), (s) => test(s.attributes))),
  };
}
