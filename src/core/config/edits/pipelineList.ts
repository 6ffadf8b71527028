/**
 * One list of one pipeline (`service.pipelines.<id>.<role>`), located for editing, and the edits
 * that add an entry to it whatever its current shape: a block or flow list, an empty value
 * (`processors:`), or no key at all.
 */
import { isMap, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../../diagnostics/diagnostic';
import type { PipelineRole } from '../configModel';
import { keyText } from '../yamlNodes';
import { insertItem, removeItem, removeLines } from './collectionEdits';
import { findPipelineNode, orderedIndex, ownPairIndex, ROLE_ORDER, type PipelineLocation } from './configNodes';
import { colonEnd, contentEnd, itemExtent, itemStart, nodeStart, ownsLine } from './nodeSpans';
import { sharedNodeReason, type ConfigDocument } from './openConfig';
import { addPair, isEmptyValue, replacePairValue, type PairValue } from './pairValueEdits';
import { renderScalar } from './renderYaml';
import { columnOf } from './textLines';

export interface RoleList {
  readonly pipeline: PipelineLocation;
  /** The pipeline's body; null when the pipeline key has an empty value. */
  readonly body: YAMLMap | null;
  /** The role's pair; null when the key is not written. */
  readonly rolePair: Pair | null;
  /** The list; null when the role is missing or empty. */
  readonly seq: YAMLSeq | null;
}

/** Locates a pipeline's list for a role, or says why it can't be edited. */
export function locateRoleList(config: ConfigDocument, pipelineId: string, role: PipelineRole): RoleList | string {
  const pipeline = findPipelineNode(config, pipelineId);
  if (typeof pipeline === 'string') return pipeline;
  const value = pipeline.pair.value;
  const name = JSON.stringify(pipelineId);
  const shared = sharedNodeReason(config, value, `The pipeline ${name}`);
  if (shared) return shared;
  if (isEmptyValue(value)) return { pipeline, body: null, rolePair: null, seq: null };
  if (!isMap(value)) return `The pipeline ${name} is not a mapping; fix it in the text editor first.`;
  const index = ownPairIndex(value, role);
  if (index < 0) {
    if (value.items.some((p) => keyText(p as Pair) === '<<')) return `The ${role} of pipeline ${name} may come from a << merge key; edit them in the text editor.`;
    return { pipeline, body: value, rolePair: null, seq: null };
  }
  const rolePair = value.items[index] as Pair;
  const list = rolePair.value;
  const sharedList = sharedNodeReason(config, list, `The ${role} list of pipeline ${name}`);
  if (sharedList) return sharedList;
  if (isEmptyValue(list)) return { pipeline, body: value, rolePair, seq: null };
  if (!isSeq(list)) return `The ${role} of pipeline ${name} is not a list; fix it in the text editor first.`;
  if (!list.flow && !list.items.every((_, i) => ownsLine(config.text, itemStart(config.text, list, i)))) {
    return `The ${role} list of pipeline ${name} is laid out in a way the canvas can't edit safely; edit it in the text editor.`;
  }
  return { pipeline, body: value, rolePair, seq: list };
}

/** Block or flow for a new list: the pipeline's other lists decide, then the document's first list. */
function newListStyle(config: ConfigDocument, body: YAMLMap | null): 'flow' | 'block' {
  for (const pair of body?.items ?? []) {
    if (isSeq(pair.value) && ROLE_ORDER.includes(keyText(pair as Pair) as PipelineRole)) return pair.value.flow ? 'flow' : 'block';
  }
  return config.listStyle;
}

/** Edits that put `id` at `index` of the role list (its end when omitted), creating the list or key as needed. */
export function insertIntoRole(config: ConfigDocument, list: RoleList, role: PipelineRole, id: string, index?: number): TextEdit[] {
  const { text } = config;
  if (list.seq) {
    const at = index === undefined ? list.seq.items.length : index;
    return insertItem(config, list.seq, at, ({ flow, column }) => (flow ? [renderScalar(id, true)] : [`${' '.repeat(column)}- ${renderScalar(id)}`]));
  }
  const style = newListStyle(config, list.body);
  if (list.rolePair) {
    if (style === 'flow') return replacePairValue(config, list.rolePair, { inline: ` [${renderScalar(id, true)}]` });
    const column = columnOf(text, nodeStart(list.rolePair)) + config.seqIndent;
    return replacePairValue(config, list.rolePair, { lines: [`${' '.repeat(column)}- ${renderScalar(id)}`] });
  }
  const value: PairValue = {
    render: (keyColumn, inFlow) =>
      style === 'flow' || inFlow ? { inline: ` [${renderScalar(id, true)}]` } : { lines: [`${' '.repeat(keyColumn + config.seqIndent)}- ${renderScalar(id)}`] },
  };
  if (!list.body) return addPair(config, { kind: 'empty', pair: list.pipeline.pair }, role, value);
  return addPair(config, { kind: 'map', map: list.body, holder: list.pipeline.pair }, role, value, orderedIndex(list.body, role, ROLE_ORDER));
}

/**
 * Edits that remove the entries at `indices` of a list; when none is left the list becomes an
 * explicit `[]` (a block list's lines go, `role: []` stays on the key line).
 */
export function removeFromRole(config: ConfigDocument, rolePair: Pair, seq: YAMLSeq, indices: number | readonly number[]): TextEdit[] {
  const { text } = config;
  const doomed = [...new Set(typeof indices === 'number' ? [indices] : indices)].filter((i) => i >= 0 && i < seq.items.length).sort((a, b) => a - b);
  if (doomed.length === 0) return [];
  if (doomed.length === 1 && (seq.flow || seq.items.length > 1)) return removeItem(config, seq, doomed[0]!);
  const count = seq.items.length;
  const all = doomed.length === count;
  if (seq.flow) {
    if (all) return [flowInterior(seq)];
    // A trailing run of removed items goes with the separator before it; the others with the one after.
    let firstTrailing = count;
    while (firstTrailing > 0 && doomed.includes(firstTrailing - 1)) firstTrailing--;
    const edits: TextEdit[] = [];
    for (const i of doomed) if (i < firstTrailing) edits.push({ from: itemStart(text, seq, i), to: itemStart(text, seq, i + 1), insert: '' });
    if (firstTrailing < count) edits.push({ from: contentEnd(text, seq.items[firstTrailing - 1]), to: contentEnd(text, seq.items[count - 1]), insert: '' });
    return edits;
  }
  // Block: remove each item's lines; adjacent extents are merged so a missing final newline is handled once.
  const spans: { start: number; end: number }[] = [];
  for (const i of doomed) {
    const extent = itemExtent(text, seq, i);
    const last = spans[spans.length - 1];
    if (last && last.end === extent.start) last.end = extent.end;
    else spans.push({ start: extent.start, end: extent.end });
  }
  const edits = spans.map((span) => removeLines(config, span.start, span.end));
  if (all) {
    // A block list losing its last item: `processors: []` says "none" explicitly.
    const colon = colonEnd(text, rolePair);
    edits.unshift({ from: colon, to: colon, insert: ' []' });
  }
  return edits;
}

function flowInterior(seq: YAMLSeq): TextEdit {
  const range = seq.range as number[];
  return { from: range[0]! + 1, to: range[1]! - 1, insert: '' };
}
