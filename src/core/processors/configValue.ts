/** Typed values written in YAML (attribute action `value`, legacy strict match values). */
import type { AnyValue, Attributes } from '../telemetry/pdata';
import { anyValueJson } from '../ottl/valueText';

/** YAML value → pdata value: integers Int, other numbers Double, lists Slice, maps Map (§3.1). */
export function anyValueFromConfig(v: unknown): AnyValue {
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { kind: 'int', value: BigInt(v) } : { kind: 'double', value: v };
  if (typeof v === 'bigint') return { kind: 'int', value: v };
  if (Array.isArray(v)) return { kind: 'array', values: v.map(anyValueFromConfig) };
  if (v !== null && typeof v === 'object') {
    const m: Attributes = new Map();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(k, anyValueFromConfig(x));
    return { kind: 'kvlist', values: m };
  }
  return { kind: 'empty' };
}

/** Same type and value (pcommon `Value.Equal`). */
export function anyValueEquals(a: AnyValue, b: AnyValue): boolean {
  if (a.kind !== b.kind) return false;
  return anyValueJson(a) === anyValueJson(b);
}
