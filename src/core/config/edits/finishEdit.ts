import type { TextEdit } from '../../diagnostics/diagnostic';
import { applyEdits, mapOffset } from './applyEdits';
import { refuse, type EditFocus, type EditResult } from './editResult';
import type { ConfigDocument } from './openConfig';

/** Where the focus lands: an offset in the original text, or inside the inserted text of one edit. */
export type FocusAt = { readonly kind: EditFocus['kind']; readonly id: string } & ({ readonly original: number } | { readonly edit: TextEdit; readonly within: number });

/** Applies the edits to the opened text and reports the new text, the edits and the focus. */
export function finishEdit(config: ConfigDocument, edits: readonly TextEdit[], focus?: FocusAt): EditResult {
  const applied = applyEdits(config.text, edits);
  // Overlapping edits would be a bug in an intent; refuse rather than corrupt the document.
  if (!applied) return refuse('This edit could not be placed safely in the text (overlapping changes); nothing was changed.');
  const result: { ok: true; text: string; edits: TextEdit[]; focus?: EditFocus } = { ok: true, text: applied.text, edits: applied.edits };
  if (focus) {
    const offset = 'original' in focus ? mapOffset(applied.edits, focus.original) : mapOffset(applied.edits, focus.edit.from) + focus.within;
    result.focus = { kind: focus.kind, id: focus.id, offset };
  }
  return result;
}

/** The position of `key:` inside an inserted text, preferring an occurrence that starts a line. */
export function keyOffsetIn(insert: string, key: string): number {
  const needle = `${key}:`;
  for (let at = insert.indexOf(needle); at >= 0; at = insert.indexOf(needle, at + 1)) {
    const before = insert.slice(insert.lastIndexOf('\n', at - 1) + 1, at);
    if (before.trim() === '') return at;
  }
  return Math.max(0, insert.indexOf(needle));
}
