/**
 * Component bodies against their JSON Schemas (compiled by ajv at build time, so no `eval` at
 * run time), with ajv's errors turned into the decoder's messages (config-semantics §5.1–5.2):
 * `'<path>' has invalid keys: k`, `'<f>' expected type 'string', got unconvertible type 'int'`,
 * `'<f>' time: invalid duration`, `'<f>' cannot parse value as 'uint32': -1 overflows uint`.
 * A component without a schema is never flagged.
 */
import type { ComponentKind } from '../config/componentId';
import type { QuickFix } from '../diagnostics/diagnostic';
import { validators, type GeneratedError } from './generated/componentValidators';
import { durationDecodeError } from './goDuration';
import { goKindOf, goQuote, goTypeOf } from './goFormat';
import { isPlaceholderValue } from './opaqueValues';
import { skipQuote } from './fixes/textEdits';
import { locate, type ComponentNode } from './validationContext';

export interface SchemaIssue {
  readonly message: string;
  readonly path: readonly (string | number)[];
  readonly prefer: 'key' | 'value';
  readonly code?: string;
  readonly fixes?: (c: ComponentNode) => QuickFix[];
}

interface Annotated {
  readonly type?: string | string[];
  readonly 'x-go-type'?: string;
  readonly 'x-enum-error'?: string;
  readonly 'x-enum-case-insensitive'?: boolean;
  readonly 'x-enum-skip'?: boolean;
  readonly enum?: unknown[];
  readonly properties?: Record<string, unknown>;
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** mapstructure's field path: struct fields dotted, list items `[i]`. */
function fieldName(path: readonly (string | number)[], root: string): string {
  if (path.length === 0) return root;
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`;
  return out;
}

function valueAt(data: unknown, path: readonly (string | number)[]): { value: unknown; opaque: boolean } {
  let v = data;
  for (const step of path) {
    if (isPlaceholderValue(v)) return { value: v, opaque: true };
    if (v === null || typeof v !== 'object') return { value: undefined, opaque: false };
    v = (v as Record<string | number, unknown>)[step];
  }
  return { value: v, opaque: isPlaceholderValue(v) };
}

function goTypeName(schema: Annotated): string {
  if (schema['x-go-type']) return schema['x-go-type'];
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : [schema.type];
  const t = types[0];
  return t === 'integer' ? 'int' : t === 'number' ? 'float64' : t === 'boolean' ? 'bool' : t === 'string' ? 'string' : 'interface {}';
}

function mapError(e: GeneratedError, data: unknown, rootType: string): SchemaIssue | null {
  const path = pathOf(e.instancePath);
  const { value, opaque } = valueAt(data, path);
  if (opaque) return null;
  const schema = (e.parentSchema ?? {}) as Annotated;
  const field = fieldName(path, rootType);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty?: string }).additionalProperty);
      const known = Object.keys(schema.properties ?? {});
      const guess = known.find((k) => k.toLowerCase() === key.toLowerCase() || k.replace(/_/g, '') === key.replace(/_/g, ''));
      return {
        message: `'${field}' has invalid keys: ${key}`,
        path: [...path, key],
        prefer: 'key',
        code: 'unknown-key',
        ...(guess ? { fixes: (c) => renameKeyFix(c, [...path, key], guess) } : {}),
      };
    }
    case 'type': {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (types.includes('object')) return { message: `'${field}' expected a map or struct, got "${goKindOf(value)}"`, path, prefer: 'value' };
      if (types.includes('array')) return { message: `'${field}' source data must be an array or slice, got ${goKindOf(value)}`, path, prefer: 'value' };
      return { message: `'${field}' expected type '${goTypeName(schema)}', got unconvertible type '${goTypeOf(value)}'`, path, prefer: 'value' };
    }
    case 'minimum': {
      const go = schema['x-go-type'] ?? '';
      if (go.startsWith('uint') && typeof value === 'number' && value < 0) return { message: `'${field}' cannot parse value as '${go}': ${value} overflows uint`, path, prefer: 'value' };
      return { message: `'${field}' must be >= ${(e.params as { limit?: number }).limit}`, path, prefer: 'value' };
    }
    case 'pattern': {
      if (schema['x-go-type'] === 'time.Duration' && typeof value === 'string') {
        const error = durationDecodeError(value);
        return error ? { message: `'${field}' ${error}`, path, prefer: 'value' } : null;
      }
      return { message: `'${field}' invalid value ${goQuote(String(value))}`, path, prefer: 'value' };
    }
    case 'enum': {
      const allowed = (schema.enum ?? []).map(String);
      // The component's own rule reports this value in the Collector's words.
      if (schema['x-enum-skip']) return null;
      if (schema['x-enum-case-insensitive'] && typeof value === 'string' && allowed.includes(value.toLowerCase())) return null;
      const template = schema['x-enum-error'];
      const text = template ? template.replace('%q', goQuote(String(value))) : `'${field}' invalid value ${goQuote(String(value))}; valid values: ${allowed.join(', ')}`;
      return { message: text, path, prefer: 'value' };
    }
    default:
      return { message: `'${field}' ${e.message ?? e.keyword}`, path, prefer: 'value' };
  }
}

/** Renames a key in place (e.g. `verBosity` → `verbosity`). */
function renameKeyFix(c: ComponentNode, path: readonly (string | number)[], to: string): QuickFix[] {
  const range = locate(c, path);
  if (range === c.def.keyRange) return [];
  const from = skipQuote(c.file.source.text, range.start.offset);
  const name = String(path[path.length - 1]);
  if (c.file.source.text.slice(from, from + name.length) !== name) return [];
  return [{ title: `Rename "${name}" to "${to}"`, edits: [{ from, to: from + name.length, insert: to }] }];
}

/** Checks one body; `kind`/`type` name the canonical component type. */
export function checkComponentSchema(kind: ComponentKind, type: string, body: unknown): SchemaIssue[] {
  const validate = validators[`${kind}:${type}`];
  if (!validate) return [];
  const data = body ?? {};
  if (validate(data)) return [];
  const rootType = validate.goType ?? `${type}.Config`;
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    // anyOf/oneOf branches repeat the same failure; keep one per path and keyword.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const issue = mapError(e, data, rootType);
    if (!issue) continue;
    const key = `${issue.path.join('/')}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
