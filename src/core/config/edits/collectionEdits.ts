/**
 * Insert, remove and move one item of an existing mapping or list, block or flow, as splices of
 * the original text. Block items move as whole lines with their attached comments; flow items
 * keep the collection on its line(s) and its separators tidy (`[a, b]` → `[a]` → `[]`).
 */
import type { YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from '../../diagnostics/diagnostic';
import type { ConfigDocument } from './openConfig';
import { contentEnd, itemExtent, itemStart, ownsLine } from './nodeSpans';
import { columnOf, lineStart } from './textLines';

type Collection = YAMLMap | YAMLSeq;

/** How the new item is written: block lines at `column` (absolute indentation), or one flow fragment. */
export type ItemRenderer = (where: { readonly flow: boolean; readonly column: number }) => string[];

/** Inserts whole lines at a line start (or at the end of a text that lacks a final newline). */
export function insertLines(config: ConfigDocument, at: number, lines: readonly string[]): TextEdit {
  const { text, eol } = config;
  if (at >= text.length && text.length > 0 && !text.endsWith('\n')) return { from: text.length, to: text.length, insert: eol + lines.join(eol) };
  return { from: at, to: at, insert: lines.join(eol) + eol };
}

/** Removes whole lines [start, end); at the end of a text without a final newline the line break before goes too. */
export function removeLines(config: ConfigDocument, start: number, end: number): TextEdit {
  const { text } = config;
  if (end >= text.length && !text.endsWith('\n') && start > 0) {
    const before = text[start - 2] === '\r' ? 2 : 1;
    return { from: start - before, to: text.length, insert: '' };
  }
  return { from: start, to: end, insert: '' };
}

/** The text of the lines [start, end) without the final line break. */
function linesText(text: string, start: number, end: number): string[] {
  return text.slice(start, end).replace(/\r?\n$/, '').split(/\r?\n/);
}

function blockColumn(config: ConfigDocument, collection: Collection): number {
  return columnOf(config.text, itemStart(config.text, collection, 0));
}

/** Whether every item of a block collection starts its own line (so it can move as lines). */
export function blockItemsOwnLines(config: ConfigDocument, collection: Collection): boolean {
  return collection.items.every((_, i) => ownsLine(config.text, itemStart(config.text, collection, i)));
}

function flowBounds(collection: Collection): { open: number; close: number } {
  const range = collection.range as number[];
  return { open: range[0]! + 1, close: range[1]! - 1 };
}

function flowMultiline(config: ConfigDocument, collection: Collection, index: number): { multiline: boolean; column: number } {
  const { text } = config;
  const start = itemStart(text, collection, index);
  const previous = index > 0 ? itemStart(text, collection, index - 1) : (collection.range as number[])[0]!;
  return { multiline: lineStart(text, start) !== lineStart(text, previous), column: columnOf(text, start) };
}

/**
 * Inserts an item before `index` (or at the end when `index` equals the length) of a non-empty
 * collection, or into an empty flow collection.
 */
export function insertItem(config: ConfigDocument, collection: Collection, index: number, render: ItemRenderer): TextEdit[] {
  const { text, eol } = config;
  const count = collection.items.length;
  if (collection.flow) {
    const fragment = render({ flow: true, column: 0 }).join(' ');
    if (count === 0) {
      const { open, close } = flowBounds(collection);
      return [{ from: open, to: close, insert: fragment }];
    }
    if (index < count) {
      const at = itemStart(text, collection, index);
      const { multiline, column } = flowMultiline(config, collection, index);
      return [{ from: at, to: at, insert: multiline ? `${fragment},${eol}${' '.repeat(column)}` : `${fragment}, ` }];
    }
    const last = count - 1;
    const end = contentEnd(text, collection.items[last]);
    const { multiline, column } = flowMultiline(config, collection, last);
    return [{ from: end, to: end, insert: multiline ? `,${eol}${' '.repeat(column)}${fragment}` : `, ${fragment}` }];
  }
  const lines = render({ flow: false, column: blockColumn(config, collection) });
  // An item sharing its line with a "-" (the first key of a mapping in a list) can't have lines
  // put before it; the new item then goes at the end, which is always exact.
  const before = index < count && ownsLine(text, itemStart(text, collection, index));
  const at = before ? itemExtent(text, collection, index).start : itemExtent(text, collection, count - 1).end;
  return [insertLines(config, at, lines)];
}

/** Removes one item; for the last item of a collection the caller decides what stays (see `removeOnlyItem`). */
export function removeItem(config: ConfigDocument, collection: Collection, index: number): TextEdit[] {
  const { text } = config;
  const count = collection.items.length;
  if (collection.flow) {
    if (count === 1) {
      const { open, close } = flowBounds(collection);
      return [{ from: open, to: close, insert: '' }];
    }
    if (index < count - 1) return [{ from: itemStart(text, collection, index), to: itemStart(text, collection, index + 1), insert: '' }];
    return [{ from: contentEnd(text, collection.items[index - 1]), to: contentEnd(text, collection.items[index]), insert: '' }];
  }
  const extent = itemExtent(text, collection, index);
  return [removeLines(config, extent.start, extent.end)];
}

/** Moves the item at `from` so that it ends up at index `to`, keeping its own text (quotes, comments). */
export function moveItem(config: ConfigDocument, collection: Collection, from: number, to: number): TextEdit[] {
  const { text } = config;
  if (from === to) return [];
  if (collection.flow) {
    const start = itemStart(text, collection, from);
    const fragment = text.slice(start, contentEnd(text, collection.items[from]));
    const removal = removeItem(config, collection, from);
    // Insert relative to the ORIGINAL items: before item `to` when moving left, after item `to` when moving right.
    const insertion = insertItem(config, collection, from < to ? to + 1 : to, () => [fragment]);
    return [...removal, ...insertion];
  }
  const extent = itemExtent(text, collection, from);
  const chunk = linesText(text, extent.start, extent.end);
  const removal = removeLines(config, extent.start, extent.end);
  const count = collection.items.length;
  const target = from < to ? to + 1 : to;
  const at = target < count ? itemExtent(text, collection, target).start : itemExtent(text, collection, count - 1).end;
  return [removal, insertLines(config, at, chunk)];
}
