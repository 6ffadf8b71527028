/**
 * Parameter getters' type coercions (processors-spec §1.6, pkg/ottl expression.go): what a
 * function receives when its parameter is a String, StringLike, Int, IntLike, Float, Bool, PMap…
 */
import type { Attributes } from '../telemetry/pdata';
import { attributesJson, anyValueJson, formatFloatJson, goJsonString } from './valueText';
import { bytesToHex, OttlDuration, OttlRuntimeError, OttlTime, PSlice, toAnyValue, typeNameOf, type OttlValue } from './ottlValue';

/** StringGetter: only strings; nil is "expected string but got nil". */
export function expectString(v: OttlValue): string {
  if (typeof v === 'string') return v;
  throw new OttlRuntimeError(`expected string but got ${typeNameOf(v)}`);
}

/** StringLikeGetter: nil stays nil; bytes → hex; maps/slices → JSON; numbers/bools → JSON text. */
export function stringLike(v: OttlValue): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatFloatJson(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Uint8Array) return bytesToHex(v);
  if (v instanceof Map) return attributesJson(v);
  if (v instanceof PSlice || Array.isArray(v)) return anyValueJson(toAnyValue(v));
  if (v instanceof OttlTime || v instanceof OttlDuration) return goJsonString(v.ns.toString());
  throw new OttlRuntimeError(`unsupported type ${typeNameOf(v)} for a string`);
}

/** IntGetter: only int64. */
export function expectInt(v: OttlValue): bigint {
  if (typeof v === 'bigint') return v;
  throw new OttlRuntimeError(`expected int64 but got ${typeNameOf(v)}`);
}

/** IntLikeGetter: int, float (truncated), base-10 string, bool; unparsable → nil. */
export function intLike(v: OttlValue): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : null;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') return /^[+-]?\d+$/.test(v) ? BigInt(v) : null;
  return null;
}

/** FloatLikeGetter: float, int, string (ParseFloat), bool. */
export function floatLike(v: OttlValue): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|infinity|nan)$/i.test(t) || t !== v) return null;
    return Number(/inf/i.test(t) ? (t.startsWith('-') ? -Infinity : Infinity) : /nan/i.test(t) ? NaN : t);
  }
  return null;
}

/** FloatGetter: float or int. */
export function expectFloat(v: OttlValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw new OttlRuntimeError(`expected float64 but got ${typeNameOf(v)}`);
}

/** BoolLikeGetter: bool, numbers (≠ 0), strings (ParseBool). */
export function boolLike(v: OttlValue): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
    throw new OttlRuntimeError(`invalid bool value "${v}"`);
  }
  return null;
}

/** PMapGetter: a map. */
export function expectMap(v: OttlValue): Attributes {
  if (v instanceof Map) return v;
  throw new OttlRuntimeError(`expected pcommon.Map but got ${typeNameOf(v)}`);
}

/** A list-valued argument: list literal, slice or string slice. */
export function expectList(v: OttlValue): OttlValue[] {
  if (Array.isArray(v)) return v;
  if (v instanceof PSlice) return v.values.map((x) => (x.kind === 'empty' ? null : x.kind === 'array' ? new PSlice(x.values) : x.kind === 'kvlist' ? x.values : x.value));
  throw new OttlRuntimeError(`expected a slice but got ${typeNameOf(v)}`);
}

/** DurationGetter. */
export function expectDuration(v: OttlValue): OttlDuration {
  if (v instanceof OttlDuration) return v;
  throw new OttlRuntimeError(`expected time.Duration but got ${typeNameOf(v)}`);
}

/** TimeGetter. */
export function expectTime(v: OttlValue): OttlTime {
  if (v instanceof OttlTime) return v;
  throw new OttlRuntimeError(`expected time.Time but got ${typeNameOf(v)}`);
}
