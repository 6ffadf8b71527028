/**
 * Legacy match properties (`include` / `exclude` with `match_type: strict|regexp`) shared by the
 * filter, attributes and span processors (processors-spec §2.6).
 */
import { ComponentConfigError } from '../simulation/component';
import type { AnyValue, Attributes, InstrumentationScope, Resource, Span } from '../telemetry/pdata';
import { SPAN_KIND_NAMES } from '../telemetry/pdata';
import { compileGoRegexp } from '../ottl/goRegexp';
import { anyValueAsString } from '../ottl/valueText';
import { configObject, listField, objectField, stringField, type ConfigObject } from './configReader';
import { anyValueFromConfig, anyValueEquals } from './configValue';

export type SpanPredicate = (resource: Resource, scope: InstrumentationScope, span: Span) => boolean;

type StringMatcher = (s: string) => boolean;

function stringMatcher(id: string, strict: boolean, pattern: string): StringMatcher {
  if (strict) return (s) => s === pattern;
  const r = compileGoRegexp(pattern);
  if (!r.ok) throw new ComponentConfigError(id, r.error);
  return (s) => r.re.test(s);
}

function attributeMatchers(id: string, strict: boolean, entries: readonly unknown[], where: string): ((m: Attributes) => boolean)[] {
  return entries.map((raw, i) => {
    const e = configObject(id, raw);
    const key = stringField(id, e, 'key', '');
    if (key === '') throw new ComponentConfigError(id, `error creating processor: ${where}[${i}]: can't have empty key in the list of attributes`);
    if (e.value === undefined || e.value === null) return (m) => m.has(key);
    if (strict) {
      const want = anyValueFromConfig(e.value);
      return (m) => {
        const got = m.get(key);
        return got !== undefined && anyValueEquals(got, want);
      };
    }
    if (typeof e.value !== 'string') throw new ComponentConfigError(id, `error creating processor: ${where}[${i}]: match_type=regexp for "${key}" only supports string values`);
    const match = stringMatcher(id, false, e.value);
    const text = (v: AnyValue): string | undefined =>
      v.kind === 'string' || v.kind === 'int' || v.kind === 'double' || v.kind === 'bool' ? anyValueAsString(v) : undefined;
    return (m) => {
      const got = m.get(key);
      const t = got === undefined ? undefined : text(got);
      return t !== undefined && match(t);
    };
  });
}

/** Compile one match-properties block; all configured fields must match (§2.6). */
function compileBlock(id: string, block: ConfigObject, where: string): SpanPredicate {
  const matchType = stringField(id, block, 'match_type', '');
  if (matchType !== 'strict' && matchType !== 'regexp')
    throw new ComponentConfigError(id, `error creating processor: ${where}: match_type must be either strict or regexp, got "${matchType}"`);
  const strict = matchType === 'strict';
  for (const logOnly of ['log_bodies', 'log_severity_texts', 'log_severity_number', 'metric_names'])
    if (block[logOnly] !== undefined) throw new ComponentConfigError(id, `error creating processor: ${where}: ${logOnly} should not be specified for trace spans`);
  const services = listField(id, block, 'services').map((s) => stringMatcher(id, strict, String(s)));
  const names = listField(id, block, 'span_names').map((s) => stringMatcher(id, strict, String(s)));
  const kinds = listField(id, block, 'span_kinds').map((s) => {
    const k = String(s);
    if (strict && !(SPAN_KIND_NAMES as readonly string[]).includes(k))
      throw new ComponentConfigError(id, `error creating processor: ${where}: span_kinds string must match one of ${SPAN_KIND_NAMES.join(', ')}`);
    return stringMatcher(id, strict, k);
  });
  const attrs = attributeMatchers(id, strict, listField(id, block, 'attributes'), `${where}.attributes`);
  const resources = attributeMatchers(id, strict, listField(id, block, 'resources'), `${where}.resources`);
  const libraries = listField(id, block, 'libraries').map((raw) => {
    const lib = configObject(id, raw);
    const name = stringMatcher(id, strict, stringField(id, lib, 'name', ''));
    const version = lib.version === undefined || lib.version === null ? undefined : stringMatcher(id, strict, String(lib.version));
    return (s: InstrumentationScope) => name(s.name) && (version === undefined || version(s.version));
  });
  if (services.length + names.length + kinds.length + attrs.length + resources.length + libraries.length === 0)
    throw new ComponentConfigError(
      id,
      `error creating processor: ${where}: at least one of "services", "span_names", "span_kinds", "attributes", "resources" or "libraries" field must be specified`,
    );
  return (resource, scope, span) => {
    if (services.length > 0) {
      const sn = resource.attributes.get('service.name');
      const name = sn === undefined ? '<nil-service-name>' : anyValueAsString(sn);
      if (!services.some((m) => m(name))) return false;
    }
    if (names.length > 0 && !names.some((m) => m(span.name))) return false;
    if (kinds.length > 0 && !kinds.some((m) => m(SPAN_KIND_NAMES[span.kind]))) return false;
    if (!attrs.every((m) => m(span.attributes))) return false;
    if (!resources.every((m) => m(resource.attributes))) return false;
    if (!libraries.every((m) => m(scope))) return false;
    return true;
  };
}

/**
 * `include`/`exclude` of a component: returns a predicate that is true when the span is
 * **skipped** (`include` set and not matching, or `exclude` set and matching), or `undefined`
 * when neither is configured.
 */
export function compileSkipPredicate(id: string, o: ConfigObject): SpanPredicate | undefined {
  const inc = objectField(id, o, 'include');
  const exc = objectField(id, o, 'exclude');
  const include = inc ? compileBlock(id, inc, 'include') : undefined;
  const exclude = exc ? compileBlock(id, exc, 'exclude') : undefined;
  if (!include && !exclude) return undefined;
  return (r, s, span) => (include !== undefined && !include(r, s, span)) || (exclude !== undefined && exclude(r, s, span));
}
