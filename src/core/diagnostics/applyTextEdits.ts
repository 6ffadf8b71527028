import type { TextEdit } from './diagnostic';

/**
 * Applies non-overlapping edits (offsets into the original text) in one pass, last first, so
 * earlier offsets stay valid. Overlapping edits are refused: the result would be ambiguous.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): { ok: true; text: string } | { ok: false; reason: string } {
  const sorted = [...edits].sort((a, b) => b.from - a.from || b.to - a.to);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.to > sorted[i - 1]!.from) return { ok: false, reason: 'the fix has overlapping edits' };
  }
  let out = text;
  for (const edit of sorted) {
    if (edit.from < 0 || edit.to > out.length || edit.from > edit.to) return { ok: false, reason: 'the fix no longer matches the text' };
    out = out.slice(0, edit.from) + edit.insert + out.slice(edit.to);
  }
  return { ok: true, text: out };
}
