import type { TextEdit } from '../../diagnostics/diagnostic';

/**
 * Applies non-overlapping edits given in the coordinates of the original text. Edits are sorted by
 * `from`; an insertion at the same offset as a replacement goes first. Overlapping edits are a
 * programming error of the caller and are reported as `null`, never applied half-way.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; edits: TextEdit[] } | null {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.from - b.edit.from || a.edit.to - b.edit.to || a.order - b.order)
    .map((e) => e.edit)
    .filter((e) => !(e.from === e.to && e.insert === ''));
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.from < at || edit.to < edit.from || edit.to > text.length) return null;
    out += text.slice(at, edit.from) + edit.insert;
    at = edit.to;
  }
  out += text.slice(at);
  return { text: out, edits: sorted };
}

/**
 * Where an offset of the original text lands after the edits. An insertion exactly at the offset
 * does not push it, so the start of an inserted range maps to the start of the inserted text.
 */
export function mapOffset(edits: readonly TextEdit[], offset: number): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.to > offset || (edit.from === offset && edit.to === offset)) continue;
    shift += edit.insert.length - (edit.to - edit.from);
  }
  return offset + shift;
}
