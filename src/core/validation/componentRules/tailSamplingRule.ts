/**
 * `tail_sampling` processor: policies are built when the processor starts (stage S), so
 * `otelcol validate` does not catch these (config-semantics §6.4).
 */
import type { ComponentRule } from './componentRule';
import type { Issue, Path } from './ruleReader';

const TYPES = [
  'always_sample', 'latency', 'numeric_attribute', 'probabilistic', 'status_code', 'string_attribute', 'rate_limiting',
  'bytes_limiting', 'span_count', 'trace_state', 'boolean_attribute', 'ottl_condition', 'trace_flags', 'composite', 'and', 'not', 'drop',
];
const COMPOSITE = ['composite', 'and', 'drop', 'not'];

function checkSub(policies: unknown[], path: Path, issue: Issue): void {
  policies.forEach((p, i) => {
    const policy = (p ?? {}) as Record<string, unknown>;
    const type = typeof policy.type === 'string' ? policy.type : '';
    if (!TYPES.includes(type) || COMPOSITE.includes(type)) {
      issue(`failed to create policy evaluator for ${JSON.stringify(String(policy.name ?? ''))}: unknown sampling policy type ${type}`, [...path, i, 'type']);
    }
  });
}

export const tailSamplingRule: ComponentRule = {
  start(cfg, issue) {
    const seen = new Set<string>();
    (cfg.list(['policies']) ?? []).forEach((p, i) => {
      const policy = (p ?? {}) as Record<string, unknown>;
      const name = typeof policy.name === 'string' ? policy.name : '';
      const type = typeof policy.type === 'string' ? policy.type : '';
      if (name === '') return issue('policy name cannot be empty', ['policies', i]);
      if (seen.has(name)) return issue(`duplicate policy name ${JSON.stringify(name)}`, ['policies', i, 'name']);
      seen.add(name);
      if (!TYPES.includes(type)) return issue(`failed to create policy evaluator for ${JSON.stringify(name)}: unknown sampling policy type ${type}`, ['policies', i, 'type']);
      const sub = (policy[type] ?? {}) as Record<string, unknown>;
      if (type === 'and' && Array.isArray(sub.and_sub_policy)) checkSub(sub.and_sub_policy, ['policies', i, 'and', 'and_sub_policy'], issue);
      if (type === 'drop' && Array.isArray(sub.drop_sub_policy)) checkSub(sub.drop_sub_policy, ['policies', i, 'drop', 'drop_sub_policy'], issue);
      if (type === 'composite' && Array.isArray(sub.composite_sub_policy)) checkSub(sub.composite_sub_policy, ['policies', i, 'composite', 'composite_sub_policy'], issue);
    });
  },
};
