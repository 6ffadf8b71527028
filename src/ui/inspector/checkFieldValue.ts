/**
 * Checks one value typed into the inspector form before it is written into the document, with
 * the validator's own wording: the property's schema (range, Go duration syntax, pattern) and the
 * component's decode/validate rule (e.g. the batch processor's "timeout must be greater or equal
 * to 0"). A value the Collector would reject at this field is refused and shown beside the field,
 * so the form never writes a broken setting; problems that need two fields to change together
 * (e.g. `send_batch_max_size` below `send_batch_size`) are left to the validator, which reports
 * them where they are written.
 */
import type { ComponentKind } from '../../core/config/componentId';
import { componentRuleFor } from '../../core/validation/componentRules/componentRuleRegistry';
import { ruleReader, type Path } from '../../core/validation/componentRules/ruleReader';
import { durationDecodeError } from '../../core/validation/goDuration';
import { isPlaceholderValue } from '../../core/validation/opaqueValues';

type Schema = Record<string, unknown>;

/** A schema pattern as a RegExp; null for one JavaScript can't read (then the validator decides, not the form). */
function compilePattern(source: string): RegExp | null {
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

function schemaProblem(name: string, prop: Schema, value: unknown): string | null {
  const goType = typeof prop['x-go-type'] === 'string' ? (prop['x-go-type'] as string) : '';
  if (typeof value === 'number') {
    const min = typeof prop.minimum === 'number' ? prop.minimum : goType.startsWith('uint') ? 0 : undefined;
    if (min !== undefined && value < min) {
      return goType.startsWith('uint') && value < 0 ? `'${name}' cannot parse value as '${goType}': ${value} overflows uint` : `'${name}' must be >= ${min}`;
    }
    if (typeof prop.maximum === 'number' && value > prop.maximum) return `'${name}' must be <= ${prop.maximum}`;
    return null;
  }
  if (typeof value !== 'string') return null;
  if (goType === 'time.Duration') {
    const error = durationDecodeError(value);
    return error ? `'${name}' ${error}` : null;
  }
  if (typeof prop.pattern === 'string') {
    const pattern = compilePattern(prop.pattern);
    if (pattern && !pattern.test(value)) return `'${name}' invalid value ${JSON.stringify(value)}`;
  }
  return null;
}

function ruleProblems(kind: ComponentKind, type: string, body: Record<string, unknown>, name: string): string[] {
  const rule = componentRuleFor(kind, type);
  if (!rule) return [];
  const found: string[] = [];
  const issue = (message: string, path?: Path) => {
    if (path?.[0] === name) found.push(message);
  };
  const reader = ruleReader(body);
  rule.decode?.(reader, issue);
  // The Collector validates only what decoded: stop at the first stage that found something.
  if (found.length === 0) rule.validate?.(reader, issue);
  return found;
}

/**
 * Why `value` can't be written as setting `name` of this component, in the Collector's words, or
 * null when it can. `undefined` (clearing the setting) is always allowed; so is a `${...}`
 * placeholder, which only the environment decides.
 */
export function checkFieldValue(kind: ComponentKind, type: string, schema: Schema | undefined, config: unknown, name: string, value: unknown): string | null {
  if (value === undefined || isPlaceholderValue(value)) return null;
  const prop = ((schema?.properties ?? {}) as Record<string, Schema>)[name];
  const fromSchema = prop ? schemaProblem(name, prop, value) : null;
  if (fromSchema) return fromSchema;
  const body = config && typeof config === 'object' && !Array.isArray(config) ? (config as Record<string, unknown>) : {};
  return ruleProblems(kind, type, { ...body, [name]: value }, name)[0] ?? null;
}
