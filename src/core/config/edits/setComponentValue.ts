import { isMap, isScalar, isSeq, type Pair, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../../diagnostics/diagnostic';
import type { ComponentKind } from '../componentId';
import { describeShape, keyText } from '../yamlNodes';
import { insertItem, removeItem } from './collectionEdits';
import { findDefinitionNode, normalizeComponentId, ownPairIndex } from './configNodes';
import { refuse, type EditResult } from './editResult';
import { finishEdit } from './finishEdit';
import { itemStart, nodeStart, ownsLine } from './nodeSpans';
import { openConfig, sharedNodeReason, type ConfigDocument } from './openConfig';
import { addPair, isEmptyValue, replacePairValue, replaceSeqItem, valueText } from './pairValueEdits';
import { isBlockValue, renderBlockLines, renderFlow, renderScalarLike } from './renderYaml';
import { columnOf } from './textLines';

type Segment = string | number;

/** Where a value sits: after a key, or as an entry of a list. */
type Slot = { readonly kind: 'pair'; readonly pair: Pair; readonly flow: boolean } | { readonly kind: 'item'; readonly seq: YAMLSeq; readonly index: number };

function slotValue(slot: Slot): unknown {
  return slot.kind === 'pair' ? slot.pair.value : slot.seq.items[slot.index];
}

/** Builds the value for the rest of a path: `['a', 'b'], 1` → `{a: {b: 1}}`; numbers build lists. */
function nest(path: readonly Segment[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, segment) => (typeof segment === 'number' ? [inner] : { [segment]: inner }), value);
}

function isPlainScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** A scalar replaced by a scalar keeps its quoting style, so setting the old value back restores the bytes. */
function replaceScalarText(config: ConfigDocument, node: unknown, value: unknown, inFlow: boolean): TextEdit[] | null {
  if (!isScalar(node) || node.value === null || !isPlainScalar(value) || String(node.type).startsWith('BLOCK')) return null;
  const insert = renderScalarLike(node, value, inFlow);
  const range = node.range as number[];
  return config.text.slice(range[0], range[1]) === insert ? [] : [{ from: range[0]!, to: range[1]!, insert }];
}

function setSlot(config: ConfigDocument, slot: Slot, value: unknown): TextEdit[] {
  const node = slotValue(slot);
  const inFlow = slot.kind === 'pair' ? slot.flow : Boolean(slot.seq.flow);
  const scalar = replaceScalarText(config, node, value, inFlow);
  if (scalar) return scalar;
  if (slot.kind === 'item') return replaceSeqItem(config, slot.seq, slot.index, value);
  return replacePairValue(config, slot.pair, valueText(config, value, columnOf(config.text, nodeStart(slot.pair)), inFlow));
}

function itemRenderer(config: ConfigDocument, value: unknown) {
  return ({ flow, column }: { flow: boolean; column: number }): string[] => {
    if (flow) return [renderFlow(value)];
    if (!isBlockValue(value)) return [`${' '.repeat(column)}- ${renderFlow(value)}`];
    const lines = renderBlockLines(value, column + 2, config);
    return [`${' '.repeat(column)}- ${lines[0]!.slice(column + 2)}`, ...lines.slice(1)];
  };
}

const LAYOUT = "is laid out in a way the form can't edit safely (the entry shares its line with a \"-\"); edit it in the text editor.";

/**
 * Sets (or, with `value` undefined, deletes) one setting inside a component's body, for the
 * inspector form. `path` is relative to the body (`['protocols', 'grpc', 'endpoint']`); numbers
 * index lists, and the index one past the end appends. Missing mappings on the way are created;
 * an empty body (`batch:`) becomes a mapping; an empty `path` replaces the whole body. A scalar
 * replaced by a scalar keeps its quoting, so setting the old value back gives the old bytes.
 * Refuses a path through something that is not a mapping/list, through an alias or an anchor
 * that aliases use (the edit would change the other uses too), and a list index past the end.
 */
export function setComponentValue(text: string, kind: ComponentKind, id: string, path: readonly Segment[], value: unknown): EditResult {
  const config = openConfig(text);
  if ('ok' in config) return config;
  const definition = findDefinitionNode(config, kind, normalizeComponentId(id));
  if (typeof definition === 'string') return refuse(definition);
  let slot: Slot = { kind: 'pair', pair: definition.pair, flow: Boolean(definition.section.flow) };
  let where = `The configuration of ${kind} ${normalizeComponentId(id)}`;
  if (path.length === 0) {
    const shared = sharedNodeReason(config, definition.pair.value, where);
    if (shared) return refuse(shared);
    if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) return refuse(`${where} must be a mapping.`);
    return finishEdit(config, setSlot(config, slot, value ?? null));
  }
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth]!;
    const last = depth === path.length - 1;
    const node = slotValue(slot);
    const shared = sharedNodeReason(config, node, where);
    if (shared) return refuse(shared);
    if (isEmptyValue(node)) {
      if (value === undefined) return finishEdit(config, []);
      if (typeof segment === 'number' && segment !== 0) return refuse(`${where} is empty, so there is no entry ${segment} to set.`);
      return finishEdit(config, setSlot(config, slot, nest(path.slice(depth), value)));
    }
    if (typeof segment === 'string') {
      if (!isMap(node)) return refuse(`Can't set ${segment}: ${where} is ${describeShape(node)}, not a mapping.`);
      const index = ownPairIndex(node, segment);
      if (index < 0) {
        if (value === undefined) return finishEdit(config, []);
        if (node.items.some((p) => keyText(p as Pair) === '<<')) return refuse(`${where} uses a << merge key; set ${segment} in the text editor.`);
        return finishEdit(config, addPair(config, { kind: 'map', map: node, holder: slot.kind === 'pair' ? slot.pair : null }, segment, { js: nest(path.slice(depth + 1), value) }));
      }
      const pair = node.items[index] as Pair;
      where = `${where.replace(/^The configuration of /, '')}.${segment}`;
      if (last && value === undefined) {
        const sharedValue = sharedNodeReason(config, pair.value, where);
        if (sharedValue) return refuse(sharedValue);
        if (!node.flow && !ownsLine(config.text, itemStart(config.text, node, index))) return refuse(`${where} ${LAYOUT}`);
        return finishEdit(config, removeItem(config, node, index));
      }
      slot = { kind: 'pair', pair, flow: Boolean(node.flow) };
    } else {
      if (!isSeq(node)) return refuse(`Can't set entry ${segment}: ${where} is ${describeShape(node)}, not a list.`);
      const count = node.items.length;
      if (!Number.isInteger(segment) || segment < 0 || segment > count) return refuse(`${where} has ${count} entries; there is no entry ${segment}.`);
      if (!node.flow && !node.items.every((_, i) => ownsLine(config.text, itemStart(config.text, node, i)))) return refuse(`${where} ${LAYOUT}`);
      if (segment === count) {
        if (value === undefined) return finishEdit(config, []);
        return finishEdit(config, insertItem(config, node, count, itemRenderer(config, nest(path.slice(depth + 1), value))));
      }
      where = `${where.replace(/^The configuration of /, '')}[${segment}]`;
      if (last && value === undefined) {
        const sharedValue = sharedNodeReason(config, node.items[segment], where);
        if (sharedValue) return refuse(sharedValue);
        if (count === 1 && slot.kind === 'pair') return finishEdit(config, setSlot(config, slot, []));
        return finishEdit(config, removeItem(config, node, segment));
      }
      slot = { kind: 'item', seq: node, index: segment };
    }
    if (last) {
      const sharedValue = sharedNodeReason(config, slotValue(slot), where);
      if (sharedValue) return refuse(sharedValue);
      return finishEdit(config, setSlot(config, slot, value));
    }
  }
  return finishEdit(config, []);
}
