import { alwaysSamplePolicy } from './alwaysSamplePolicy';
import { andPolicy } from './andPolicy';
import { booleanAttributePolicy } from './booleanAttributePolicy';
import { bytesLimitingPolicy } from './bytesLimitingPolicy';
import { compositeAllocations, compositePolicy } from './compositePolicy';
import { asConfigObject, checkKeys, readBool, readInt, readInt64, readList, readNumber, readString, readStringList, type ConfigObject } from './configFields';
import { dropPolicy } from './dropPolicy';
import { latencyPolicy } from './latencyPolicy';
import { notPolicy } from './notPolicy';
import { numericAttributePolicy } from './numericAttributePolicy';
import type { OttlConditionCompiler } from './ottlCondition';
import { ottlConditionPolicy, type OttlErrorMode } from './ottlConditionPolicy';
import { probabilisticPolicy } from './probabilisticPolicy';
import { rateLimitingPolicy } from './rateLimitingPolicy';
import { SamplingConfigError } from './samplingConfigError';
import type { PolicyEvaluator } from './samplingPolicy';
import { spanCountPolicy } from './spanCountPolicy';
import { statusCodePolicy } from './statusCodePolicy';
import { stringAttributePolicy } from './stringAttributePolicy';
import { traceFlagsPolicy } from './traceFlagsPolicy';
import { traceStatePolicy } from './traceStatePolicy';

/** Where a policy config sits; it decides which types may appear (sampling-spec §2.4 intro). */
export type PolicyPosition = 'top' | 'and' | 'drop' | 'not' | 'composite';

export interface BuildPolicyOptions {
  readonly featureGates: Readonly<Record<string, boolean>>;
  readonly ottl: OttlConditionCompiler;
}

const LEAF_TYPES = [
  'always_sample', 'latency', 'numeric_attribute', 'probabilistic', 'status_code', 'string_attribute', 'rate_limiting',
  'bytes_limiting', 'span_count', 'trace_state', 'trace_flags', 'boolean_attribute', 'ottl_condition',
];
const LEAF_KEYS = LEAF_TYPES.filter((t) => t !== 'always_sample' && t !== 'trace_flags');
const EXTRA_TYPES: Readonly<Record<PolicyPosition, readonly string[]>> = {
  top: ['and', 'drop', 'not', 'composite'],
  and: ['not'],
  drop: ['not'],
  not: [],
  composite: ['and', 'not'],
};

export const GATE_USE_TRACE_STATE = 'processor.tailsamplingprocessor.usetracestate';
export const GATE_DEFAULT_ERROR_MODE_IGNORE = 'processor.tailsamplingprocessor.defaultErrorModeIgnore';

function sub(obj: ConfigObject, key: string, allowed: readonly string[]): ConfigObject {
  const o = asConfigObject(obj[key], key);
  checkKeys(o, allowed, key);
  return o;
}

/**
 * Builds one policy evaluator from its YAML value (name, type and the type's block). Throws
 * `SamplingConfigError` with the Collector's wording for unknown types and invalid settings; the
 * caller wraps top-level errors as `failed to create policy evaluator for "<name>": …` (§2.2).
 */
export function buildPolicy(raw: unknown, position: PolicyPosition, options: BuildPolicyOptions): PolicyEvaluator {
  const cfg = asConfigObject(raw, 'policy');
  const extra = EXTRA_TYPES[position];
  checkKeys(cfg, ['name', 'type', ...LEAF_KEYS, ...extra], position === 'top' ? 'policies' : `${position} sub-policy`);
  const name = readString(cfg, 'name', '');
  const type = readString(cfg, 'type', '');
  if (!LEAF_TYPES.includes(type) && !extra.includes(type)) throw new SamplingConfigError(`unknown sampling policy type ${type}`);
  const subPolicies = (key: string, pos: PolicyPosition): PolicyEvaluator[] =>
    readList(sub(cfg, type, [key]), key).map((s) => buildPolicy(s, pos, options));

  switch (type) {
    case 'always_sample':
      return alwaysSamplePolicy(name);
    case 'latency': {
      const c = sub(cfg, 'latency', ['threshold_ms', 'upper_threshold_ms']);
      return latencyPolicy(name, readInt64(c, 'threshold_ms', 0n), readInt64(c, 'upper_threshold_ms', 0n));
    }
    case 'numeric_attribute': {
      const c = sub(cfg, 'numeric_attribute', ['key', 'min_value', 'max_value', 'invert_match']);
      const min = readInt64(c, 'min_value', 0n);
      const max = readInt64(c, 'max_value', 0n);
      // Both bounds 0 = both unset: rejected upstream (§2.4.4; exact wording unverified).
      if (min === 0n && max === 0n) throw new SamplingConfigError('numeric_attribute needs min_value or max_value');
      return numericAttributePolicy(name, readString(c, 'key', ''), min, max, readBool(c, 'invert_match', false));
    }
    case 'probabilistic': {
      const c = sub(cfg, 'probabilistic', ['hash_salt', 'sampling_percentage']);
      return probabilisticPolicy(name, readString(c, 'hash_salt', ''), readNumber(c, 'sampling_percentage', 0), options.featureGates[GATE_USE_TRACE_STATE] === true);
    }
    case 'status_code': {
      const c = sub(cfg, 'status_code', ['status_codes']);
      return statusCodePolicy(name, readStringList(c, 'status_codes'));
    }
    case 'string_attribute': {
      const c = sub(cfg, 'string_attribute', ['key', 'values', 'enabled_regex_matching', 'cache_max_size', 'invert_match']);
      readInt(c, 'cache_max_size', 128); // memo cache size only (§2.4.5)
      return stringAttributePolicy(name, readString(c, 'key', ''), readStringList(c, 'values'), readBool(c, 'enabled_regex_matching', false), readBool(c, 'invert_match', false));
    }
    case 'rate_limiting': {
      const c = sub(cfg, 'rate_limiting', ['spans_per_second', 'burst_capacity']);
      return rateLimitingPolicy(name, readInt(c, 'spans_per_second', 0), readInt(c, 'burst_capacity', 0));
    }
    case 'bytes_limiting': {
      const c = sub(cfg, 'bytes_limiting', ['bytes_per_second', 'burst_capacity']);
      return bytesLimitingPolicy(name, readInt(c, 'bytes_per_second', 0), readInt(c, 'burst_capacity', 0));
    }
    case 'span_count': {
      const c = sub(cfg, 'span_count', ['min_spans', 'max_spans']);
      return spanCountPolicy(name, readInt(c, 'min_spans', 0), readInt(c, 'max_spans', 0));
    }
    case 'trace_state': {
      const c = sub(cfg, 'trace_state', ['key', 'values']);
      return traceStatePolicy(name, readString(c, 'key', ''), readStringList(c, 'values'));
    }
    case 'trace_flags':
      return traceFlagsPolicy(name);
    case 'boolean_attribute': {
      const c = sub(cfg, 'boolean_attribute', ['key', 'value', 'invert_match']);
      return booleanAttributePolicy(name, readString(c, 'key', ''), readBool(c, 'value', false), readBool(c, 'invert_match', false));
    }
    case 'ottl_condition':
      return buildOttlPolicy(name, sub(cfg, 'ottl_condition', ['error_mode', 'span', 'spanevent']), options);
    case 'and':
      return andPolicy(name, subPolicies('and_sub_policy', 'and'));
    case 'drop':
      return dropPolicy(name, subPolicies('drop_sub_policy', 'drop'));
    case 'not': {
      const c = sub(cfg, 'not', ['not_sub_policy']);
      if (c.not_sub_policy === undefined || c.not_sub_policy === null) throw new SamplingConfigError('not policy requires a not_sub_policy');
      return notPolicy(name, buildPolicy(c.not_sub_policy, 'not', options));
    }
    case 'composite': {
      const c = sub(cfg, 'composite', ['max_total_spans_per_second', 'policy_order', 'composite_sub_policy', 'rate_allocation']);
      const maxTotal = readInt(c, 'max_total_spans_per_second', 0);
      readStringList(c, 'policy_order'); // ignored upstream (issue #36955)
      const subs = readList(c, 'composite_sub_policy').map((s) => buildPolicy(s, 'composite', options));
      const allocation = new Map<string, number>();
      for (const entry of readList(c, 'rate_allocation')) {
        const a = asConfigObject(entry, 'rate_allocation');
        checkKeys(a, ['policy', 'percent'], 'rate_allocation');
        allocation.set(readString(a, 'policy', ''), readNumber(a, 'percent', 0));
      }
      const budgets = compositeAllocations(maxTotal, subs.map((s) => s.name), allocation);
      return compositePolicy(name, maxTotal, subs.map((evaluator, i) => ({ evaluator, allocatedSps: budgets[i] ?? 0 })));
    }
    default:
      throw new SamplingConfigError(`unknown sampling policy type ${type}`);
  }
}

function buildOttlPolicy(name: string, c: ConfigObject, options: BuildPolicyOptions): PolicyEvaluator {
  const spanTexts = readStringList(c, 'span');
  const eventTexts = readStringList(c, 'spanevent');
  if (spanTexts.length === 0 && eventTexts.length === 0) throw new SamplingConfigError('expected at least one OTTL condition to filter on');
  const defaultMode: OttlErrorMode = options.featureGates[GATE_DEFAULT_ERROR_MODE_IGNORE] === true ? 'ignore' : 'propagate';
  const modeText = readString(c, 'error_mode', defaultMode);
  if (modeText !== 'propagate' && modeText !== 'ignore' && modeText !== 'silent') throw new SamplingConfigError(`unknown error mode ${modeText}`);
  const spanConds = spanTexts.map((text) => {
    const compiled = options.ottl.span(text);
    if (!compiled.ok) throw new SamplingConfigError(compiled.error);
    return { text, evaluate: compiled.evaluate };
  });
  const eventConds = eventTexts.map((text) => {
    const compiled = options.ottl.spanEvent(text);
    if (!compiled.ok) throw new SamplingConfigError(compiled.error);
    return { text, evaluate: compiled.evaluate };
  });
  return ottlConditionPolicy(name, spanConds, eventConds, modeText);
}
