/**
 * Renders plain JS values as YAML fragments that slot into an existing document: block lines at a
 * given column with the document's indent unit, or a one-line flow value. Only the new node is
 * rendered, never the document (sync-design.md: minimal edits, not re-serialisation).
 */
import { Scalar, stringify } from 'yaml';

export interface BlockLayout {
  /** Spaces per nesting level. */
  readonly unit: number;
  /** Columns between a key and the `-` of its block list. */
  readonly seqIndent: number;
}

// Characters that end a plain scalar inside [..] or {..}.
const FLOW_UNSAFE = /[,[\]{}]/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One scalar; strings get quotes only when YAML needs them (and always for line breaks). */
export function renderScalar(value: unknown, inFlow = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  if (text.includes('\n') || text.includes('\r') || (inFlow && FLOW_UNSAFE.test(text))) return JSON.stringify(text);
  const out = stringify(text, { lineWidth: 0, minContentWidth: 0 }).replace(/\r?\n$/, '');
  // stringify may choose a block scalar for odd text; a one-line double-quoted string is always safe.
  return out.includes('\n') || out.startsWith('|') || out.startsWith('>') ? JSON.stringify(text) : out;
}

/**
 * A scalar rendered in the quoting style of the scalar it replaces, so renaming `"otlp"` gives
 * `"otlp/2"` and setting a value back restores the original bytes.
 */
export function renderScalarLike(old: Scalar | null, value: unknown, inFlow = false): string {
  if (typeof value === 'string' && old && !value.includes('\n')) {
    if (old.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
    if (old.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  }
  return renderScalar(value, inFlow);
}

/** A one-line flow rendering: `{a: 1, b: [x, y]}`. */
export function renderFlow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => renderFlow(v)).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${renderScalar(k, true)}: ${renderFlow(v)}`)
      .join(', ')}}`;
  }
  return renderScalar(value, true);
}

/** Whether a value renders as block lines under its key (a non-empty mapping or list). */
export function isBlockValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return isPlainObject(value) && Object.values(value).some((v) => v !== undefined);
}

/** What follows `key:` on the key line for a value that is not block: ` 1`, ` {}`, ` []` or nothing for null. */
export function inlineValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value) || isPlainObject(value)) return ` ${renderFlow(value)}`;
  return ` ${renderScalar(value)}`;
}

/** The lines of a block value (non-empty mapping or list) whose items start at `column`. */
export function renderBlockLines(value: unknown, column: number, layout: BlockLayout): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isBlockValue(item)) {
        const inner = renderBlockLines(item, column + 2, layout);
        // The first line of the item sits right after "- ".
        lines.push(`${pad}- ${(inner[0] ?? '').slice(column + 2)}`, ...inner.slice(1));
      } else {
        lines.push(`${pad}-${inlineValue(item) || ' null'}`);
      }
    }
    return lines;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      lines.push(...renderPairLines(key, item, column, layout));
    }
  }
  return lines;
}

/** `key: value` as block lines at `column`. */
function renderPairLines(key: string, value: unknown, column: number, layout: BlockLayout): string[] {
  const head = `${' '.repeat(column)}${renderScalar(key)}:`;
  if (!isBlockValue(value)) return [`${head}${inlineValue(value)}`];
  const childColumn = column + (Array.isArray(value) ? layout.seqIndent : layout.unit);
  return [head, ...renderBlockLines(value, childColumn, layout)];
}
