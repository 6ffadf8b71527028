import { isAlias, isScalar, visit, type Node } from 'yaml';
import { parsePipelineId } from '../componentId';
import { toPlain } from '../yamlNodes';
import { blockItemsOwnLines, insertLines } from './collectionEdits';
import { findPipelineNode, ownPairIndex, pipelineKey } from './configNodes';
import { refuse, type EditResult } from './editResult';
import { finishEdit, keyOffsetIn } from './finishEdit';
import { itemExtent } from './nodeSpans';
import { openConfig } from './openConfig';
import { addPair } from './pairValueEdits';
import { renderScalar } from './renderYaml';
import { lineStart } from './textLines';

function holdsAnchor(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if ((node as { anchor?: string }).anchor) return true;
  let found = false;
  visit(node as Node, (_, child) => {
    if (!isAlias(child) && (child as { anchor?: string } | null)?.anchor) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/**
 * Copies a pipeline under a new id, right after it. A block pipeline is copied as text (its
 * lists, their style and comments); one written in a flow mapping or holding an anchor (copying
 * an anchor would redefine it) is rendered from its values instead. Refuses an invalid or taken
 * id and a missing source.
 */
export function duplicatePipeline(text: string, pipelineId: string, newId: string): EditResult {
  const parsed = parsePipelineId(newId);
  if (!parsed.ok) return refuse(`${JSON.stringify(newId)} is not a valid pipeline id: ${parsed.message}.`);
  const config = openConfig(text);
  if ('ok' in config) return config;
  const source = findPipelineNode(config, pipelineId);
  if (typeof source === 'string') return refuse(source);
  if (ownPairIndex(source.pipelines, parsed.id, pipelineKey) >= 0) return refuse(`The pipeline ${parsed.id} already exists.`);
  const key = renderScalar(parsed.id);
  const { pipelines, pair, index } = source;
  if (!pipelines.flow && blockItemsOwnLines(config, pipelines) && isScalar(pair.key) && !holdsAnchor(pair.value)) {
    const extent = itemExtent(config.text, pipelines, index);
    const keyRange = pair.key.range as number[];
    const first = lineStart(config.text, keyRange[0]!);
    const copied = config.text.slice(first, keyRange[0]) + key + config.text.slice(keyRange[1], extent.end);
    const lines = copied.replace(/\r?\n$/, '').split(/\r?\n/);
    const edit = insertLines(config, extent.end, lines);
    return finishEdit(config, [edit], { kind: 'pipeline', id: parsed.id, edit, within: keyOffsetIn(edit.insert, key) });
  }
  const body = toPlain(config.doc, pair.value) ?? { receivers: [], exporters: [] };
  const edits = addPair(config, { kind: 'map', map: pipelines, holder: source.pipelinesPair }, parsed.id, { js: body }, index + 1);
  const edit = edits.find((e) => e.insert.includes(`${key}:`)) ?? edits[0]!;
  return finishEdit(config, edits, { kind: 'pipeline', id: parsed.id, edit, within: keyOffsetIn(edit.insert, key) });
}
