/**
 * Capacity doubling for typed-array columns. The returned array keeps the old contents;
 * callers store it back in place of the old one.
 */
type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array | BigInt64Array;

/** `arr` when it already holds `needed` elements, else a copy with at least double capacity. */
export function ensureCapacity<T extends Typed>(arr: T, needed: number): T {
  if (needed <= arr.length) return arr;
  let cap = Math.max(16, arr.length * 2);
  while (cap < needed) cap *= 2;
  const Ctor = arr.constructor as new (n: number) => T;
  const next = new Ctor(cap);
  (next as unknown as { set(a: T): void }).set(arr);
  return next;
}

/** A copy of the first `length` elements (shrinks the buffer to fit). */
export function shrinkTo<T extends Typed>(arr: T, length: number): T {
  if (arr.length === length) return arr;
  return arr.slice(0, length) as T;
}

/** `arr` copied into a new buffer of exactly `capacity` elements (when larger than now). */
export function growTo<T extends Typed>(arr: T, capacity: number): T {
  if (capacity <= arr.length) return arr;
  const Ctor = arr.constructor as new (n: number) => T;
  const next = new Ctor(capacity);
  (next as unknown as { set(a: T): void }).set(arr);
  return next;
}

/** The doubled capacity that holds `needed` rows. */
export function nextCapacity(current: number, needed: number): number {
  let cap = Math.max(16, current * 2);
  while (cap < needed) cap *= 2;
  return cap;
}
