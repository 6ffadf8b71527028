/**
 * Writing a value into an existing pair or list item, and adding a `key: value` pair to a mapping
 * that may be block, flow, empty (`key:` with nothing) or missing altogether (an empty document).
 */
import { isScalar, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../../diagnostics/diagnostic';
import { insertItem, insertLines } from './collectionEdits';
import type { ConfigDocument } from './openConfig';
import { colonEnd, contentEnd, nodeStart } from './nodeSpans';
import { inlineValue, isBlockValue, renderBlockLines, renderFlow, renderScalar } from './renderYaml';
import { columnOf, lineEnd, lineStart, nextLineStart } from './textLines';

/** A value as it goes after `key:` — on the key line, or as block lines (absolute indentation) below it. */
export type ValueText = { readonly inline: string } | { readonly lines: readonly string[] };

/** Renders a JS value for a slot whose children start at `column`; flow contexts always get one line. */
export function valueText(config: ConfigDocument, value: unknown, keyColumn: number, inFlow: boolean): ValueText {
  if (inFlow || !isBlockValue(value)) return { inline: inFlow ? (value === null || value === undefined ? ' null' : ` ${renderFlow(value)}`) : inlineValue(value) };
  const column = keyColumn + (Array.isArray(value) ? config.seqIndent : config.unit);
  return { lines: renderBlockLines(value, column, config) };
}

/** Whether a node is an empty value: no node, or a null scalar (`key:`, `key: ~`). */
export function isEmptyValue(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function nullText(node: unknown): { from: number; to: number } | null {
  if (!isScalar(node)) return null;
  const range = node.range as number[] | undefined;
  if (!range || range[1]! <= range[0]!) return null;
  return { from: range[0]!, to: range[1]! };
}

/** Replaces or fills in the value of a pair, keeping the key line (and its comment) where it can. */
export function replacePairValue(config: ConfigDocument, pair: Pair, value: ValueText): TextEdit[] {
  const { text, eol } = config;
  const colon = colonEnd(text, pair);
  const current = pair.value;
  if (isEmptyValue(current)) {
    const written = nullText(current);
    if ('inline' in value) {
      if (written) return [{ from: written.from, to: written.to, insert: value.inline.trimStart() }];
      return value.inline === '' ? [] : [{ from: colon, to: colon, insert: value.inline }];
    }
    const edits: TextEdit[] = [];
    if (written) edits.push({ from: colon, to: written.to, insert: '' });
    edits.push(insertLines(config, nextLineStart(text, colon), value.lines));
    return edits;
  }
  const start = nodeStart(current);
  const end = contentEnd(text, current);
  const sameLine = lineStart(text, start) === lineStart(text, colon);
  // A block value is replaced with the comment on its last line: that comment was inside the old value.
  const blockEnd = sameLine ? end : lineEnd(text, end);
  if ('inline' in value) {
    if (sameLine) return [{ from: start, to: end, insert: value.inline.trimStart() }];
    return [{ from: colon, to: blockEnd, insert: value.inline }];
  }
  if (sameLine) return [{ from: colon, to: end, insert: eol + value.lines.join(eol) }];
  return [{ from: nextLineStart(text, colon), to: blockEnd, insert: value.lines.join(eol) }];
}

/** Replaces one item of a list with a value rendered for its position. */
export function replaceSeqItem(config: ConfigDocument, seq: YAMLSeq, index: number, value: unknown): TextEdit[] {
  const { text, eol } = config;
  const item = seq.items[index];
  const start = nodeStart(item);
  const end = isEmptyValue(item) && !nullText(item) ? start : contentEnd(text, item);
  if (seq.flow || !isBlockValue(value)) {
    const inline = seq.flow ? renderFlow(value) : inlineValue(value).trimStart() || 'null';
    return [{ from: start, to: end, insert: inline }];
  }
  // The first line of a block item sits right after "- "; the rest align with it.
  const column = columnOf(text, start);
  const lines = renderBlockLines(value, column, config);
  return [{ from: start, to: end, insert: [lines[0]!.slice(column), ...lines.slice(1)].join(eol) }];
}

/** Where a new pair goes in a mapping: the mapping, or the pair whose empty value becomes it, or the empty document. */
export type MapHolder =
  | { readonly kind: 'map'; readonly map: YAMLMap; readonly preferBlock?: boolean; readonly holder: Pair | null }
  | { readonly kind: 'empty'; readonly pair: Pair }
  | { readonly kind: 'document' };

/** A new pair's value: plain data, or a renderer given the key's column (for values written by hand). */
export type PairValue = { readonly js: unknown } | { readonly render: (keyColumn: number, inFlow: boolean) => ValueText };

function pairLines(config: ConfigDocument, key: string, value: PairValue, column: number): string[] {
  const rendered = 'js' in value ? valueText(config, value.js, column, false) : value.render(column, false);
  const head = `${' '.repeat(column)}${renderScalar(key)}:`;
  return 'inline' in rendered ? [head + rendered.inline] : [head, ...rendered.lines];
}

function flowPair(config: ConfigDocument, key: string, value: PairValue): string {
  const rendered = 'js' in value ? valueText(config, value.js, 0, true) : value.render(0, true);
  return `${renderScalar(key, true)}:${'inline' in rendered ? rendered.inline || ' null' : ' null'}`;
}

/**
 * Adds `key: value` to a mapping before item `index` (default: at the end). An empty flow map of
 * a holder that prefers block style (a section: `receivers: {}`) becomes a block mapping.
 */
export function addPair(config: ConfigDocument, target: MapHolder, key: string, value: PairValue, index?: number): TextEdit[] {
  const { text } = config;
  if (target.kind === 'document') return [insertLines(config, text.length, pairLines(config, key, value, 0))];
  if (target.kind === 'empty') {
    const column = columnOf(text, nodeStart(target.pair)) + config.unit;
    return replacePairValue(config, target.pair, { lines: pairLines(config, key, value, column) });
  }
  const { map } = target;
  if (map.flow && map.items.length === 0 && target.preferBlock && target.holder) {
    const column = columnOf(text, nodeStart(target.holder)) + config.unit;
    const colon = colonEnd(text, target.holder);
    return [
      { from: colon, to: contentEnd(text, map), insert: '' },
      insertLines(config, nextLineStart(text, colon), pairLines(config, key, value, column)),
    ];
  }
  const at = index === undefined ? map.items.length : Math.max(0, Math.min(index, map.items.length));
  return insertItem(config, map, at, ({ flow, column }) => (flow ? [flowPair(config, key, value)] : pairLines(config, key, value, column)));
}
