/** "Remove the unused component": deletes its key and body lines, nothing else. */
import type { QuickFix } from '../../diagnostics/diagnostic';
import type { ComponentNode } from '../validationContext';
import { contentEnd, wholeLines } from './textEdits';

/** Deletes a component's definition (its key and body lines). */
export function removeComponentFix(c: ComponentNode): QuickFix[] {
  const text = c.file.source.text;
  if (c.def.range.start.line === c.def.range.end.line && text.slice(c.def.range.start.offset, c.def.range.end.offset).includes('{')) return [];
  const lines = wholeLines(text, c.def.keyRange.start.offset, contentEnd(text, c.def.keyRange.start.offset, c.def.range.end.offset));
  return [{ title: `Remove unused ${c.kind} "${c.id}"`, edits: [{ from: lines.from, to: lines.to, insert: '' }] }];
}

