/**
 * Interned strings for the columnar span store (engine-design.md "Storage": strings interned).
 * Id 0 is always the empty string, so zero-filled columns read as ''.
 */
export interface StringTable {
  readonly ids: Map<string, number>;
  readonly values: string[];
  /** Sum of the lengths of the stored strings (for the memory estimate). */
  chars: number;
}

/** A table holding only the empty string (id 0). */
export function createStringTable(): StringTable {
  return { ids: new Map([['', 0]]), values: [''], chars: 0 };
}

/** The id of `value`, adding it when new. */
export function internString(table: StringTable, value: string): number {
  const found = table.ids.get(value);
  if (found !== undefined) return found;
  const id = table.values.length;
  table.values.push(value);
  table.ids.set(value, id);
  table.chars += value.length;
  return id;
}

/**
 * Forgets every string added after the table held `length` strings (rolling back an append
 * that failed half way, so the table is as if it never happened).
 */
export function truncateStringTable(table: StringTable, length: number): void {
  const values = table.values;
  if (length < 1 || values.length <= length) return;
  for (let i = length; i < values.length; i++) {
    table.ids.delete(values[i]!);
    table.chars -= values[i]!.length;
  }
  values.length = length;
}

/** The string with id `id` ('' for an unknown id). */
export function stringAt(table: StringTable, id: number): string {
  return table.values[id] ?? '';
}

/**
 * Approximate heap bytes held by the table: V8 keeps one-byte strings at ~1 B/char plus a
 * 16 B header, a Map entry costs ~24 B and an array slot 8 B. An estimate, not a measurement.
 */
export function stringTableBytes(table: StringTable): number {
  return table.chars + table.values.length * (16 + 24 + 8);
}
