/**
 * Reading and writing through `[key]` chains (processors-spec §1.3 indexing, §1.12 `set`),
 * following pkg/ottl `GetMapValue` / `SetMapValue` / `setIndexableValue`.
 */
import type { AnyValue, Attributes } from '../telemetry/pdata';
import { fromAnyValue, OttlRuntimeError, PSlice, toAnyValue, typeNameOf, type OttlValue } from './ottlValue';

/** `v[key]`: a missing map key is nil; a bad index or a non-indexable value is an error (§1.3). */
export function indexValue(v: OttlValue, key: OttlValue): OttlValue {
  if (v instanceof Map) {
    if (typeof key !== 'string') throw new OttlRuntimeError(`unable to resolve a string index in map: ${typeNameOf(key)} key`);
    const found = v.get(key);
    return found === undefined ? null : fromAnyValue(found);
  }
  if (v instanceof PSlice || Array.isArray(v)) {
    if (typeof key !== 'bigint') throw new OttlRuntimeError(`unable to resolve an integer index in slice: ${typeNameOf(key)} key`);
    const items = v instanceof PSlice ? v.values : v;
    if (key < 0n || key >= BigInt(items.length)) throw new OttlRuntimeError(`index ${key} out of bounds`);
    const item = items[Number(key)] as AnyValue | OttlValue;
    return v instanceof PSlice ? fromAnyValue(item as AnyValue) : (item as OttlValue);
  }
  throw new OttlRuntimeError(`type ${typeNameOf(v)} does not support ${typeof key === 'bigint' ? 'integer' : 'string'} indexing`);
}

/** Follow `keys` (already evaluated) from a value. */
export function indexChain(v: OttlValue, keys: readonly OttlValue[]): OttlValue {
  let cur = v;
  for (const k of keys) cur = indexValue(cur, k);
  return cur;
}

/**
 * `SetMapValue`: write `value` at `m[keys[0]][keys[1]]…`, creating missing map entries (as Empty
 * values turned into maps or slices when indexed further). nil writes an Empty value.
 */
export function setMapValue(m: Attributes, keys: readonly OttlValue[], value: OttlValue): void {
  const [first, ...rest] = keys;
  if (typeof first !== 'string') throw new OttlRuntimeError('map must be indexed by a string');
  const newValue = toAnyValue(value);
  if (rest.length === 0) {
    m.set(first, newValue);
    return;
  }
  let holder: { get(): AnyValue; put(v: AnyValue): void } = {
    get: () => m.get(first) ?? { kind: 'empty' },
    put: (v) => m.set(first, v),
  };
  if (!m.has(first)) m.set(first, { kind: 'empty' });
  for (const key of rest) {
    const cur = holder.get();
    if (cur.kind === 'empty') {
      if (typeof key === 'string') {
        const inner: Attributes = new Map([[key, { kind: 'empty' }]]);
        holder.put({ kind: 'kvlist', values: inner });
        holder = { get: () => inner.get(key) ?? { kind: 'empty' }, put: (v) => inner.set(key, v) };
        continue;
      }
      if (typeof key === 'bigint') {
        const arr: AnyValue[] = [];
        for (let i = 0n; i <= key; i++) arr.push({ kind: 'empty' });
        holder.put({ kind: 'array', values: arr });
        const idx = Number(key);
        holder = { get: () => arr[idx] ?? { kind: 'empty' }, put: (v) => (arr[idx] = v) };
        continue;
      }
      throw new OttlRuntimeError('index must be a string or an int');
    }
    if (cur.kind === 'kvlist') {
      if (typeof key !== 'string') throw new OttlRuntimeError('map must be indexed by a string');
      const inner = cur.values;
      if (!inner.has(key)) inner.set(key, { kind: 'empty' });
      holder = { get: () => inner.get(key) ?? { kind: 'empty' }, put: (v) => inner.set(key, v) };
      continue;
    }
    if (cur.kind === 'array') {
      if (typeof key !== 'bigint') throw new OttlRuntimeError('slice must be indexed by an int');
      const arr = cur.values;
      if (key < 0n || key >= BigInt(arr.length)) throw new OttlRuntimeError(`index ${key} out of bounds`);
      const idx = Number(key);
      holder = { get: () => arr[idx] ?? { kind: 'empty' }, put: (v) => (arr[idx] = v) };
      continue;
    }
    throw new OttlRuntimeError(`type ${cur.kind} does not support string indexing`);
  }
  holder.put(newValue);
}
