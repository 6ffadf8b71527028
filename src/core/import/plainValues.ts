/**
 * Helpers over plain data read from YAML (`toJS`): objects with string keys, arrays, scalars.
 */

export type PlainMap = Record<string, unknown>;

/** A YAML mapping as plain data (not an array, not null). */
export function isPlainMap(value: unknown): value is PlainMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Structural equality of plain data, key order ignored. */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => plainEqual(item, b[i]));
  if (isPlainMap(a) && isPlainMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && plainEqual(a[key], b[key]));
  }
  return false;
}

/** Sets an own property, so a key such as "__proto__" from a file stays an ordinary key. */
export function setOwn(target: PlainMap, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
