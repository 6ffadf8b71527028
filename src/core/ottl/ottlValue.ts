/**
 * Runtime values of the OTTL evaluator, mirroring the Go values `pkg/ottl` passes around
 * (processors-spec §1.3): `string`, `int64` (→ `bigint`), `float64` (→ `number`), `bool`,
 * `nil` (→ `null`), `[]byte` (→ `Uint8Array`), `pcommon.Map` (→ the live pdata `Attributes`),
 * `pcommon.Slice` (→ {@link PSlice} around the live pdata array), list literals and converter
 * results (→ JS arrays), `time.Time` / `time.Duration` (→ {@link OttlTime} / {@link OttlDuration}).
 *
 * Keeping int64 as `bigint` and float64 as `number` makes the int/float distinction that OTTL
 * math and comparisons depend on (§1.3, §1.5) a plain `typeof` check.
 */
import type { AnyValue, Attributes } from '../telemetry/pdata';

/** A `pcommon.Slice` read from telemetry: a live reference, so editors can change it in place. */
export class PSlice {
  constructor(readonly values: AnyValue[]) {}
}

/** `time.Time`, as nanoseconds since the epoch. */
export class OttlTime {
  constructor(readonly ns: bigint) {}
}

/** `time.Duration`, in nanoseconds. */
export class OttlDuration {
  constructor(readonly ns: bigint) {}
}

/** Something OTTL can hold but not inspect in the preview (e.g. `span.events`); only `Len` reads it. */
export class OpaqueList {
  constructor(
    readonly kind: string,
    readonly length: number,
  ) {}
}

export type OttlValue =
  | null
  | string
  | bigint
  | number
  | boolean
  | Uint8Array
  | Attributes
  | PSlice
  | OttlValue[]
  | OttlTime
  | OttlDuration
  | OpaqueList;

/** A runtime failure of one statement or condition (the error mode decides what happens, §1.10). */
export class OttlRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OttlRuntimeError';
  }
}

/** A value a component rejects when it parses OTTL at start-up (§1.9 parse-time checks). */
export class OttlCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OttlCompileError';
  }
}

export function isMapValue(v: OttlValue): v is Attributes {
  return v instanceof Map;
}

/** Read an attribute value as OTTL sees it: Empty reads as nil, Map/Slice as live references (§1.3). */
export function fromAnyValue(v: AnyValue): OttlValue {
  switch (v.kind) {
    case 'string':
    case 'int':
    case 'double':
    case 'bool':
    case 'bytes':
      return v.value;
    case 'array':
      return new PSlice(v.values);
    case 'kvlist':
      return v.values;
    case 'empty':
      return null;
  }
}

/** Deep copy of a pdata value (pdata `CopyTo`). */
export function cloneAnyValue(v: AnyValue): AnyValue {
  switch (v.kind) {
    case 'array':
      return { kind: 'array', values: v.values.map(cloneAnyValue) };
    case 'kvlist':
      return { kind: 'kvlist', values: cloneAttributes(v.values) };
    case 'bytes':
      return { kind: 'bytes', value: new Uint8Array(v.value) };
    default:
      return v;
  }
}

/** Deep copy of an attribute map, keeping insertion order. */
export function cloneAttributes(m: Attributes): Attributes {
  const out: Attributes = new Map();
  for (const [k, v] of m) out.set(k, cloneAnyValue(v));
  return out;
}

/**
 * Convert an OTTL value to a pdata value, as `SetValue` / `FromRaw` do when a value is written
 * to an attribute (processors-spec §1.12 `set`). `null` becomes an Empty value. Maps and slices
 * are copied, never shared.
 */
export function toAnyValue(v: OttlValue): AnyValue {
  if (v === null) return { kind: 'empty' };
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'bigint') return { kind: 'int', value: v };
  if (typeof v === 'number') return { kind: 'double', value: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (v instanceof Uint8Array) return { kind: 'bytes', value: new Uint8Array(v) };
  if (v instanceof Map) return { kind: 'kvlist', values: cloneAttributes(v) };
  if (v instanceof PSlice) return { kind: 'array', values: v.values.map(cloneAnyValue) };
  if (Array.isArray(v)) return { kind: 'array', values: v.map(toAnyValue) };
  throw new OttlRuntimeError(`unsupported value type ${typeNameOf(v)} for an attribute`);
}

/** Go-flavoured type name for error messages. */
export function typeNameOf(v: OttlValue): string {
  if (v === null) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Uint8Array) return '[]byte';
  if (v instanceof Map) return 'pcommon.Map';
  if (v instanceof PSlice) return 'pcommon.Slice';
  if (Array.isArray(v)) return '[]any';
  if (v instanceof OttlTime) return 'time.Time';
  if (v instanceof OttlDuration) return 'time.Duration';
  return v.kind;
}

/** Lowercase hex of bytes. */
export function bytesToHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/** Parse lowercase/uppercase hex; `undefined` when the text is not hex of even length. */
export function hexToBytes(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
