/**
 * Small helpers that build `TextEdit`s by splicing the user's text, so comments and formatting
 * elsewhere stay as they are (we never re-serialise the document).
 */
import type { TextEdit } from '../../diagnostics/diagnostic';

/** Applies edits (any order, non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.from - a.from);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.from) + e.insert + out.slice(e.to);
  return out;
}

/** The offset of the end of the line holding `offset` (before its newline). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** The offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

/** The range of whole lines covering [from, to), including the final newline. */
export function wholeLines(text: string, from: number, to: number): { from: number; to: number } {
  const start = lineStart(text, from);
  const end = lineEnd(text, Math.max(from, to - 1 < from ? from : to));
  return { from: start, to: end < text.length ? end + 1 : end };
}

/** Offset just past an opening quote at `offset`, if any (quoted keys and items). */
export function skipQuote(text: string, offset: number): number {
  const c = text[offset];
  return c === '"' || c === "'" ? offset + 1 : offset;
}

/** `end` moved back over trailing whitespace and newlines (node ranges of block values include them). */
export function contentEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
