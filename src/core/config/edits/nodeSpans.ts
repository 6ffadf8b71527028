/**
 * Where nodes of the `yaml` tree sit in the text, as edits need it: the end of a node's content
 * (before trailing comments and blank lines), the offset after a key's colon, and the extent of
 * one item of a block collection in whole lines with the comments attached to it.
 *
 * Trap: `yaml` ranges of block collections run to the start of the next key, trailing comments
 * and blank lines included, so the end of the content is recomputed from the last leaf.
 */
import { isAlias, isCollection, isPair, isScalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { columnOf, indentOf, isBlankLine, isCommentLine, lineAt, lineStart, nextLineStart, skipSpaces, trimBack } from './textLines';

type Ranged = { range?: [number, number, number] | number[] | null };

function rangeOf(node: unknown): [number, number, number] | null {
  const r = (node as Ranged | null)?.range;
  return r && r.length >= 3 ? [r[0]!, r[1]!, r[2]!] : null;
}

/** The offset after the last character of a node's content, or -1 for a missing node. */
export function contentEnd(text: string, node: unknown): number {
  if (node === null || node === undefined) return -1;
  if (isPair(node)) return pairContentEnd(text, node);
  const range = rangeOf(node);
  if (!range) return -1;
  if (isScalar(node) || isAlias(node)) return trimBack(text, range[1], range[0]);
  if (isCollection(node)) {
    if (node.flow) return range[1];
    const last = node.items[node.items.length - 1];
    if (last === undefined) return range[0];
    return Math.max(range[0], contentEnd(text, last));
  }
  return trimBack(text, range[1], range[0]);
}

/** The offset just after the `:` of a pair; for a key without a colon, the end of the key. */
export function colonEnd(text: string, pair: Pair): number {
  const keyRange = rangeOf(pair.key);
  if (!keyRange) return rangeOf(pair.value)?.[0] ?? 0;
  const p = skipSpaces(text, keyRange[1]);
  return text[p] === ':' ? p + 1 : keyRange[1];
}

/** The end of a pair's content: its value's content, or the colon for an empty value. */
export function pairContentEnd(text: string, pair: Pair): number {
  return Math.max(colonEnd(text, pair), contentEnd(text, pair.value));
}

/** The first character of a node (for a pair: its key). */
export function nodeStart(node: unknown): number {
  if (isPair(node)) return rangeOf(node.key)?.[0] ?? rangeOf(node.value)?.[0] ?? 0;
  return rangeOf(node)?.[0] ?? 0;
}

/** The first character of a collection item: the key of a pair, the `-` of a block list item. */
export function itemStart(text: string, collection: YAMLMap | YAMLSeq, index: number): number {
  const item = collection.items[index];
  const start = nodeStart(item);
  if (collection.flow || isPair(item)) return start;
  let p = start;
  while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  if (text[p - 1] === '-') return p - 1;
  // A null item (`-` alone): its range sits right after the dash or at the next token.
  const ls = lineStart(text, start);
  const first = skipSpaces(text, ls);
  return text[first] === '-' ? first : start;
}

/** Whether the item starts its own line (only whitespace before it). */
export function ownsLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === '';
}

export interface ItemExtent {
  /** Line start of the first attached comment line above the item, or of the item's line. */
  readonly start: number;
  /** Start of the line after the item's content and its deeper-indented trailing comments. */
  readonly end: number;
  /** The key or `-`. */
  readonly itemStart: number;
  readonly column: number;
}

/**
 * The lines of one block collection item. Attached: comment-only lines directly above it (no blank
 * line between) indented no deeper than the item, and comment-only lines directly below its
 * content indented deeper than the item (a commented-out part of its body). The two rules never
 * claim the same line, so removing and re-inserting an item is exact.
 */
export function itemExtent(text: string, collection: YAMLMap | YAMLSeq, index: number): ItemExtent {
  const item = collection.items[index] as Node | Pair;
  const at = itemStart(text, collection, index);
  const column = columnOf(text, at);
  let start = lineStart(text, at);
  while (start > 0) {
    const prevStart = lineStart(text, start - 1);
    const line = lineAt(text, prevStart);
    if (isBlankLine(line) || !isCommentLine(line) || indentOf(line) > column) break;
    start = prevStart;
  }
  let end = nextLineStart(text, contentEnd(text, item));
  while (end < text.length) {
    const line = lineAt(text, end);
    if (isBlankLine(line) || !isCommentLine(line) || indentOf(line) <= column) break;
    end = nextLineStart(text, end);
  }
  return { start, end, itemStart: at, column };
}
