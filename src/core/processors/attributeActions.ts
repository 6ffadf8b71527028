/**
 * The attribute actions shared by the attributes processor (`actions`, span attributes) and
 * the resource processor (`attributes`, resource attributes) (processors-spec §3.1, §3.2;
 * contrib internal/coreinternal/attraction).
 */
import { ComponentConfigError } from '../simulation/component';
import type { AnyValue, Attributes } from '../telemetry/pdata';
import { sha256Hex, utf8 } from '../ottl/digests';
import { compileGoRegexp } from '../ottl/goRegexp';
import { cloneAnyValue } from '../ottl/ottlValue';
import { anyValueAsString } from '../ottl/valueText';
import { configObject, stringField } from './configReader';
import { anyValueFromConfig } from './configValue';

export type AttributeAction = (attrs: Attributes) => void;

/**
 * Bytes hashed by `hash`: string UTF-8; int64 8 bytes little-endian; float64 IEEE-754 bits
 * little-endian; bool one byte. Other types hash to `""` (§3.1).
 */
function hashValue(v: AnyValue): string {
  const view = new DataView(new ArrayBuffer(8));
  switch (v.kind) {
    case 'string':
      return sha256Hex(utf8(v.value));
    case 'int':
      view.setBigInt64(0, v.value, true);
      return sha256Hex(new Uint8Array(view.buffer));
    case 'double':
      view.setFloat64(0, v.value, true);
      return sha256Hex(new Uint8Array(view.buffer));
    case 'bool':
      return sha256Hex(new Uint8Array([v.value ? 1 : 0]));
    default:
      return '';
  }
}

function convert(v: AnyValue, to: string): AnyValue | undefined {
  switch (to) {
    case 'int':
      if (v.kind === 'int') return v;
      if (v.kind === 'double') return Number.isFinite(v.value) ? { kind: 'int', value: BigInt(Math.trunc(v.value)) } : undefined;
      if (v.kind === 'bool') return { kind: 'int', value: v.value ? 1n : 0n };
      if (v.kind === 'string' && /^[+-]?\d+$/.test(v.value)) return { kind: 'int', value: BigInt.asIntN(64, BigInt(v.value)) };
      return undefined; // unparsable: left unchanged
    case 'double':
      if (v.kind === 'double') return v;
      if (v.kind === 'int') return { kind: 'double', value: Number(v.value) };
      if (v.kind === 'bool') return { kind: 'double', value: v.value ? 1 : 0 };
      if (v.kind === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.value)) return { kind: 'double', value: Number(v.value) };
      return undefined;
    default:
      return { kind: 'string', value: anyValueAsString(v) };
  }
}

function regexpOf(componentId: string, pattern: string): RegExp {
  const r = compileGoRegexp(pattern);
  if (!r.ok) throw new ComponentConfigError(componentId, r.error);
  return r.re;
}

/** Compile the list of actions; validation messages follow attraction.go (§3.1). */
export function compileAttributeActions(componentId: string, raw: readonly unknown[]): AttributeAction[] {
  return raw.map((entry, i) => {
    const a = configObject(componentId, entry);
    const key = stringField(componentId, a, 'key', '');
    const action = stringField(componentId, a, 'action', '').toLowerCase();
    const pattern = stringField(componentId, a, 'pattern', '');
    const fromAttribute = stringField(componentId, a, 'from_attribute', '');
    const fromContext = stringField(componentId, a, 'from_context', '');
    const convertedType = stringField(componentId, a, 'converted_type', '');
    const hasValue = a.value !== undefined && a.value !== null;
    const fail = (msg: string): never => {
      throw new ComponentConfigError(componentId, `error creating AttrProc due to ${msg} at the ${i}-th actions`);
    };
    if (convertedType !== '' && action !== 'convert') fail(`"converted_type" field is only valid for the "convert" action`);
    switch (action) {
      case 'insert':
      case 'update':
      case 'upsert': {
        if (key === '') fail('missing required field "key"');
        const sources = [hasValue, fromAttribute !== '', fromContext !== ''].filter(Boolean).length;
        if (sources !== 1) fail(`error creating AttrProc. Either field "value", "from_attribute" or "from_context" setting must be specified`);
        if (pattern !== '') fail(`action "${action}" does not support "pattern" field. This must not be specified`);
        const value = hasValue ? anyValueFromConfig(a.value) : undefined;
        return (attrs) => {
          let v: AnyValue | undefined;
          if (value) v = cloneAnyValue(value);
          else if (fromAttribute !== '') {
            const src = attrs.get(fromAttribute);
            v = src === undefined ? undefined : cloneAnyValue(src);
          }
          // from_context reads request metadata, which the preview does not have: skipped.
          if (v === undefined) return;
          const present = attrs.has(key);
          if ((action === 'insert' && present) || (action === 'update' && !present)) return;
          attrs.set(key, v);
        };
      }
      case 'delete':
      case 'hash': {
        if (key === '' && pattern === '') fail(`error creating AttrProc. Either field "key" or "pattern" must be specified`);
        if (hasValue || fromAttribute !== '' || fromContext !== '')
          fail(`action "${action}" does not use the "value", "from_attribute" or "from_context" field. These must not be specified`);
        const re = pattern !== '' ? regexpOf(componentId, pattern) : undefined;
        return (attrs) => {
          const apply = (k: string): void => {
            const v = attrs.get(k);
            if (v === undefined) return;
            if (action === 'delete') attrs.delete(k);
            else attrs.set(k, { kind: 'string', value: hashValue(v) });
          };
          if (key !== '') apply(key);
          if (re) for (const k of [...attrs.keys()]) if (re.test(k)) apply(k);
        };
      }
      case 'extract': {
        if (key === '') fail('missing required field "key"');
        if (pattern === '') fail(`missing required field "pattern" for action "extract"`);
        const re = regexpOf(componentId, pattern);
        const probe = new RegExp(`${re.source}|`).exec('');
        const groupNames = Object.keys(probe?.groups ?? {});
        if (groupNames.length === 0) fail(`pattern "${pattern}" contains no named matchers`);
        if ((probe?.length ?? 1) - 1 !== groupNames.length) fail(`pattern "${pattern}" contains at least one unnamed matcher`);
        return (attrs) => {
          const v = attrs.get(key);
          if (v?.kind !== 'string') return;
          const m = re.exec(v.value);
          if (!m) return;
          for (const name of groupNames) attrs.set(name, { kind: 'string', value: m.groups?.[name] ?? '' });
        };
      }
      case 'convert': {
        if (key === '') fail('missing required field "key"');
        if (!['int', 'double', 'string'].includes(convertedType)) fail(`error creating AttrProc due to invalid value "${convertedType}" in field "converted_type" for action "convert"`);
        return (attrs) => {
          const v = attrs.get(key);
          if (v === undefined) return;
          const out = convert(v, convertedType);
          if (out) attrs.set(key, out);
        };
      }
      default:
        return fail(`unsupported action "${action}"`);
    }
  });
}

/**
 * The attribute keys a list of actions may write or delete (already compiled, so well formed):
 * `key` of insert/update/upsert/delete/hash/convert; 'any' when an action works by pattern
 * (delete/hash by pattern, extract into named groups). The columnar run (decision 0014) reads
 * other keys straight from the columns.
 */
export function attributeActionWrites(componentId: string, raw: readonly unknown[]): ReadonlySet<string> | 'any' {
  const keys = new Set<string>();
  for (const entry of raw) {
    const a = configObject(componentId, entry);
    const action = stringField(componentId, a, 'action', '').toLowerCase();
    if (action === 'extract' || stringField(componentId, a, 'pattern', '') !== '') return 'any';
    keys.add(stringField(componentId, a, 'key', ''));
  }
  return keys;
}
