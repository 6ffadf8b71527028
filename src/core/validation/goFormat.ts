/**
 * Go formatting verbs reproduced in TypeScript so messages match the Collector's text
 * (config-semantics §11).
 */

/** Go `%q` of a string (`strconv.Quote`): JSON escapes, but `\x..` for control bytes. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}

/** Go `%v` of a list of strings: `[a b c]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** Go `%f`: six decimals; `+Inf`, `-Inf`, `NaN` for non-finite values. */
export function goFloat(n: number, decimals = 6): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  return n.toFixed(decimals);
}

/** Go `%g`: the shortest representation that round-trips. */
export function goG(n: number): string {
  if (!Number.isFinite(n)) return goFloat(n);
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** The Go kind name mapstructure prints for a decoded YAML value ("got unconvertible type 'int'"). */
export function goTypeOf(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** The reflect kind mapstructure names in "expected a map or struct, got %q" / "got %s". */
export function goKindOf(value: unknown): string {
  if (value === null || value === undefined) return 'invalid';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (Array.isArray(value)) return 'slice';
  return 'map';
}
