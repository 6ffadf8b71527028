/**
 * Positions and sub-documents of one config text. The config model carries ranges for keys and
 * whole component bodies; when a diagnostic needs the range of a key *inside* a body, the body's
 * block is re-parsed on its own (lazily, once), so a valid config is parsed only once overall.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { SourcePosition, SourceRange } from '../diagnostics/diagnostic';

export interface SourceText {
  readonly name: string;
  readonly text: string;
  position(offset: number): SourcePosition;
  range(from: number, to: number): SourceRange;
}

/** A YAML node parsed from a slice of the text; `base` turns its offsets into text offsets. */
export interface SlicedBlock {
  readonly doc: Document;
  readonly base: number;
  /** The mapping that holds the block's key. */
  readonly root: Node | null;
}

/** Builds the line index once (one pass over the text). */
export function createSourceText(name: string, text: string): SourceText {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number): SourcePosition => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - lineStarts[lo]! + 1, offset: clamped };
  };
  return { name, text, position, range: (from, to) => ({ start: position(from), end: position(to) }) };
}

/**
 * The extent of the block-style entry whose key starts at `keyOffset`: its line and every
 * following line that is blank, a comment, or indented deeper than the key.
 */
export function blockExtent(text: string, keyOffset: number): { start: number; end: number; indent: number } {
  const start = text.lastIndexOf('\n', keyOffset - 1) + 1;
  const indent = keyOffset - start;
  let end = text.indexOf('\n', keyOffset);
  if (end < 0) return { start, end: text.length, indent };
  for (;;) {
    const next = end + 1;
    if (next >= text.length) return { start, end: text.length, indent };
    let nl = text.indexOf('\n', next);
    if (nl < 0) nl = text.length;
    const line = text.slice(next, nl);
    const trimmed = line.trimStart();
    const lineIndent = line.length - trimmed.length;
    if (trimmed !== '' && !trimmed.startsWith('#') && lineIndent <= indent) return { start, end, indent };
    end = nl;
    if (nl >= text.length) return { start, end, indent };
  }
}

/** Parses the block at `keyOffset` on its own; null when it does not read as a one-key mapping. */
export function parseBlock(text: string, keyOffset: number): SlicedBlock | null {
  const { start, end, indent } = blockExtent(text, keyOffset);
  // Keep offsets aligned: blank out the text before the key on its line (list dashes, indentation).
  const slice = ' '.repeat(indent) + text.slice(keyOffset, end);
  const doc = parseDocument(slice, { uniqueKeys: false, merge: true, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  return { doc, base: start, root: doc.contents };
}

/** Walks mapping keys and list indexes; returns the deepest node reached and the key node of its pair. */
export function walkPath(block: SlicedBlock, path: readonly (string | number)[]): { node: unknown; key: unknown; depth: number } {
  let node: unknown = block.root;
  let key: unknown = null;
  let depth = 0;
  for (const step of path) {
    const target = isAlias(node) ? node.resolve(block.doc) : node;
    if (isMap(target)) {
      const pair = target.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      key = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(target) && typeof step === 'number') {
      const item = target.items[step];
      if (item === undefined) break;
      key = item;
      node = item;
    } else break;
    depth++;
  }
  return { node, key, depth };
}
