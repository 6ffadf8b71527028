/**
 * Component configs as the engine should see them: `${env:VAR}` references replaced by the
 * user's sample values or their defaults (config-semantics §4.2). Unresolvable references stay
 * as written, so a component reading them reports a clear config error.
 */
import type { ConfigModel } from '../config/configModel';
import { scanPlaceholders } from '../validation/placeholders';

function resolveValue(value: unknown, env: Readonly<Record<string, string>>, depth = 0): unknown {
  if (depth > 64) return value;
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    const scan = scanPlaceholders(value, env);
    return scan.resolved ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, env, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveValue(v, env, depth + 1);
    return out;
  }
  return value;
}

/** `kind:id` → resolved config body, for every definition in the model. */
export function resolveComponentConfigs(model: ConfigModel, env: Readonly<Record<string, string>>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const def of model.components) out.set(`${def.kind}:${def.id}`, resolveValue(def.config, env));
  return out;
}
