/**
 * Variable-length attribute lists as offset ranges into key/type/value columns, strings
 * interned (engine-design.md "Storage": attributes are offset arrays into key/type/value
 * columns). One set of columns serves all lists of one owner kind (span, event or link); the
 * owner keeps the start offset, and the end is the next owner's start.
 *
 * Each value is a tag (u8) plus a u32 payload: the string id, the bool, an int32 kept inline, or
 * an index into a side column (int64 outside int32, doubles) or into a side list of rare
 * structured values (bytes, arrays, kvlists), so one attribute costs 9 bytes in the columns.
 */
import type { AnyValue, Attributes } from './pdata';
import { ensureCapacity, growTo, nextCapacity, shrinkTo } from './growable';
import { internString, stringAt, type StringTable } from './stringTable';

export const ATTR_EMPTY = 0;
export const ATTR_STRING = 1;
export const ATTR_BOOL = 2;
export const ATTR_INT32 = 3;
export const ATTR_INT64 = 4;
export const ATTR_DOUBLE = 5;
export const ATTR_COMPLEX = 6;

export interface AttributeColumns {
  count: number;
  keys: Uint32Array;
  types: Uint8Array;
  values: Uint32Array;
  bigCount: number;
  bigs: BigInt64Array;
  doubleCount: number;
  doubles: Float64Array;
  /** bytes, arrays and kvlists: rare, kept as pdata values. */
  complex: AnyValue[];
}

/** Empty attribute columns. */
export function createAttributeColumns(capacity = 16): AttributeColumns {
  return {
    count: 0,
    keys: new Uint32Array(capacity),
    types: new Uint8Array(capacity),
    values: new Uint32Array(capacity),
    bigCount: 0,
    bigs: new BigInt64Array(0),
    doubleCount: 0,
    doubles: new Float64Array(0),
    complex: [],
  };
}

function reserve(cols: AttributeColumns, n: number): number {
  const at = cols.count;
  const needed = at + n;
  if (needed > cols.keys.length) {
    const cap = nextCapacity(cols.keys.length, needed);
    cols.keys = growTo(cols.keys, cap);
    cols.types = growTo(cols.types, cap);
    cols.values = growTo(cols.values, cap);
  }
  cols.count = needed;
  return at;
}

/** Appends one string attribute by interned ids (the generator's fast path). */
export function pushStringAttribute(cols: AttributeColumns, keyId: number, valueId: number): void {
  const at = reserve(cols, 1);
  cols.keys[at] = keyId;
  cols.types[at] = ATTR_STRING;
  cols.values[at] = valueId;
}

/** Appends one integer attribute (any safe integer; int64 beyond int32 goes to the side column). */
export function pushIntAttribute(cols: AttributeColumns, keyId: number, value: number): void {
  const at = reserve(cols, 1);
  cols.keys[at] = keyId;
  if (value >= -0x80000000 && value <= 0x7fffffff) {
    cols.types[at] = ATTR_INT32;
    cols.values[at] = value >>> 0;
  } else {
    cols.types[at] = ATTR_INT64;
    cols.values[at] = pushBig(cols, BigInt(value));
  }
}

/** Appends one bool attribute. */
export function pushBoolAttribute(cols: AttributeColumns, keyId: number, value: boolean): void {
  const at = reserve(cols, 1);
  cols.keys[at] = keyId;
  cols.types[at] = ATTR_BOOL;
  cols.values[at] = value ? 1 : 0;
}

function pushBig(cols: AttributeColumns, v: bigint): number {
  cols.bigs = ensureCapacity(cols.bigs, cols.bigCount + 1);
  cols.bigs[cols.bigCount] = v;
  return cols.bigCount++;
}

function pushDouble(cols: AttributeColumns, v: number): number {
  cols.doubles = ensureCapacity(cols.doubles, cols.doubleCount + 1);
  cols.doubles[cols.doubleCount] = v;
  return cols.doubleCount++;
}

/** Appends every entry of `attrs` in order and returns the start offset of the list. */
export function appendAttributes(cols: AttributeColumns, strings: StringTable, attrs: Attributes): number {
  const start = cols.count;
  if (attrs.size === 0) return start;
  let at = reserve(cols, attrs.size);
  for (const [key, v] of attrs) {
    cols.keys[at] = internString(strings, key);
    writeValue(cols, strings, at, v);
    at++;
  }
  return start;
}

function writeValue(cols: AttributeColumns, strings: StringTable, at: number, v: AnyValue): void {
  switch (v.kind) {
    case 'string':
      cols.types[at] = ATTR_STRING;
      cols.values[at] = internString(strings, v.value);
      break;
    case 'bool':
      cols.types[at] = ATTR_BOOL;
      cols.values[at] = v.value ? 1 : 0;
      break;
    case 'int':
      if (v.value >= -0x80000000n && v.value <= 0x7fffffffn) {
        cols.types[at] = ATTR_INT32;
        cols.values[at] = Number(v.value) >>> 0;
      } else {
        cols.types[at] = ATTR_INT64;
        cols.values[at] = pushBig(cols, v.value);
      }
      break;
    case 'double':
      cols.types[at] = ATTR_DOUBLE;
      cols.values[at] = pushDouble(cols, v.value);
      break;
    case 'empty':
      cols.types[at] = ATTR_EMPTY;
      cols.values[at] = 0;
      break;
    default:
      cols.types[at] = ATTR_COMPLEX;
      cols.values[at] = cols.complex.length;
      cols.complex.push(v);
  }
}

/**
 * Appends one attribute of any kind by key id, stored exactly as `appendAttributes` stores it
 * (the direct ingest path writes attributes one by one without building a map).
 */
export function pushAttributeValue(cols: AttributeColumns, strings: StringTable, keyId: number, v: AnyValue): void {
  const at = reserve(cols, 1);
  cols.keys[at] = keyId;
  writeValue(cols, strings, at, v);
}

/** Appends one double attribute. */
export function pushDoubleAttribute(cols: AttributeColumns, keyId: number, value: number): void {
  const at = reserve(cols, 1);
  cols.keys[at] = keyId;
  cols.types[at] = ATTR_DOUBLE;
  cols.values[at] = pushDouble(cols, value);
}

/**
 * Drops every attribute from index `count` on, with the side values (int64, double,
 * structured) they used, which are always the last ones; freed slots are zeroed. For rolling
 * back an append that failed half way.
 */
export function truncateAttributeColumns(cols: AttributeColumns, count: number): void {
  if (cols.count <= count) return;
  let big = cols.bigCount;
  let dbl = cols.doubleCount;
  let cx = cols.complex.length;
  for (let i = count; i < cols.count; i++) {
    const t = cols.types[i];
    const v = cols.values[i]!;
    if (t === ATTR_INT64) big = Math.min(big, v);
    else if (t === ATTR_DOUBLE) dbl = Math.min(dbl, v);
    else if (t === ATTR_COMPLEX) cx = Math.min(cx, v);
  }
  cols.keys.fill(0, count, cols.count);
  cols.types.fill(0, count, cols.count);
  cols.values.fill(0, count, cols.count);
  cols.count = count;
  cols.bigs.fill(0n, big, cols.bigCount);
  cols.bigCount = big;
  cols.doubles.fill(0, dbl, cols.doubleCount);
  cols.doubleCount = dbl;
  cols.complex.length = cx;
}

/** The value at attribute index `i` as a pdata value. */
export function attributeValueAt(cols: AttributeColumns, strings: StringTable, i: number, shared?: (AnyValue | undefined)[]): AnyValue {
  const payload = cols.values[i]!;
  switch (cols.types[i]) {
    case ATTR_STRING:
      if (shared) return (shared[payload] ??= { kind: 'string', value: stringAt(strings, payload) });
      return { kind: 'string', value: stringAt(strings, payload) };
    case ATTR_BOOL:
      return { kind: 'bool', value: payload === 1 };
    case ATTR_INT32:
      return { kind: 'int', value: BigInt(payload | 0) };
    case ATTR_INT64:
      return { kind: 'int', value: cols.bigs[payload]! };
    case ATTR_DOUBLE:
      return { kind: 'double', value: cols.doubles[payload]! };
    case ATTR_COMPLEX:
      return cols.complex[payload]!;
    default:
      return { kind: 'empty' };
  }
}

/**
 * Rebuilds the attribute map stored at [start, end). With `shared`, string values come from one
 * object per string-table id (values are immutable; maps are not, so each call gets its own map).
 */
export function readAttributes(cols: AttributeColumns, strings: StringTable, start: number, end: number, shared?: (AnyValue | undefined)[]): Attributes {
  const out: Attributes = new Map();
  for (let i = start; i < end; i++) out.set(stringAt(strings, cols.keys[i]!), attributeValueAt(cols, strings, i, shared));
  return out;
}

/** Index of the first attribute in [start, end) whose key has id `keyId`, or -1. */
export function findAttribute(cols: AttributeColumns, start: number, end: number, keyId: number): number {
  for (let i = start; i < end; i++) if (cols.keys[i] === keyId) return i;
  return -1;
}

/** Shrinks every buffer to its used length. */
export function trimAttributeColumns(cols: AttributeColumns): void {
  cols.keys = shrinkTo(cols.keys, cols.count);
  cols.types = shrinkTo(cols.types, cols.count);
  cols.values = shrinkTo(cols.values, cols.count);
  cols.bigs = shrinkTo(cols.bigs, cols.bigCount);
  cols.doubles = shrinkTo(cols.doubles, cols.doubleCount);
}

/** Bytes held by the column buffers (structured side values estimated at 64 B each). */
export function attributeColumnBytes(cols: AttributeColumns): number {
  return cols.keys.byteLength + cols.types.byteLength + cols.values.byteLength + cols.bigs.byteLength + cols.doubles.byteLength + cols.complex.length * 64;
}
