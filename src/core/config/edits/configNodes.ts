/**
 * Finding the nodes an edit works on — sections, definitions, pipelines and their lists — in the
 * `yaml` tree opened by `openConfig`, with the ids compared the way the Collector compares them
 * (trimmed `type/name`, quoted or not).
 */
import { isMap, isPair, isScalar, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { sectionOf, type ComponentKind } from '../componentId';
import type { PipelineRole } from '../configModel';
import { keyText } from '../yamlNodes';
import type { ConfigDocument } from './openConfig';
import { sharedNodeReason } from './openConfig';
import { normalizeComponentId, pipelineKey } from './idKeys';
import { isEmptyValue } from './pairValueEdits';

export { normalizeComponentId, pipelineKey } from './idKeys';

/** The conventional order of top-level sections; new sections are placed by it. */
export const SECTION_ORDER = ['receivers', 'processors', 'exporters', 'connectors', 'extensions', 'service'] as const;


/** The index of the pair written with this key in the mapping itself (merge keys not followed). */
export function ownPairIndex(map: YAMLMap, key: string, normalize: (raw: string) => string = (s) => s): number {
  const wanted = normalize(key);
  return map.items.findIndex((pair) => isPair(pair) && keyText(pair) !== null && normalize(keyText(pair)!) === wanted);
}

/** Whether a key reaches the mapping only through a `<<` merge key. */
function hasMergeKey(map: YAMLMap): boolean {
  return map.items.some((pair) => isScalar(pair.key) && typeof pair.key.value === 'symbol');
}

export interface Located<T> {
  readonly node: T;
  /** The pair holding the node (null for the root). */
  readonly pair: Pair | null;
}

/** The pair of a top-level section, if written. */
export function sectionPair(config: ConfigDocument, section: string): Pair | null {
  if (!config.root) return null;
  const index = ownPairIndex(config.root, section);
  return index < 0 ? null : (config.root.items[index] as Pair);
}

export interface DefinitionLocation {
  readonly section: YAMLMap;
  readonly sectionPair: Pair;
  readonly index: number;
  readonly pair: Pair;
}

/** Finds a component definition, or says why it can't be edited. */
export function findDefinitionNode(config: ConfigDocument, kind: ComponentKind, id: string): DefinitionLocation | string {
  const section = sectionOf(kind);
  const holder = sectionPair(config, section);
  const body = holder?.value;
  if (!holder || !isMap(body)) return `There is no ${kind} ${JSON.stringify(id)} in ${section}:.`;
  const shared = sharedNodeReason(config, body, `The ${section}: section`);
  if (shared) return shared;
  const index = ownPairIndex(body, id, normalizeComponentId);
  if (index < 0) {
    if (hasMergeKey(body)) return `The ${kind} ${JSON.stringify(id)} is not written in ${section}: itself (it may come from a << merge key); edit it in the text editor.`;
    return `There is no ${kind} ${JSON.stringify(id)} in ${section}:.`;
  }
  return { section: body, sectionPair: holder, index, pair: body.items[index] as Pair };
}

export interface PipelineLocation {
  readonly pipelines: YAMLMap;
  readonly pipelinesPair: Pair;
  readonly index: number;
  readonly pair: Pair;
}

/** The `service.pipelines` mapping, or null when missing or empty; a string when it can't be edited. */
export function pipelinesMap(config: ConfigDocument): Located<YAMLMap> | null | string {
  const service = sectionPair(config, 'service');
  if (!service || isEmptyValue(service.value)) return null;
  if (!isMap(service.value)) return 'service: is not a mapping; fix it in the text editor first.';
  const shared = sharedNodeReason(config, service.value, 'The service: section');
  if (shared) return shared;
  const index = ownPairIndex(service.value, 'pipelines');
  if (index < 0) return null;
  const pair = service.value.items[index] as Pair;
  if (isEmptyValue(pair.value)) return null;
  if (!isMap(pair.value)) return 'service.pipelines is not a mapping; fix it in the text editor first.';
  const sharedPipelines = sharedNodeReason(config, pair.value, 'service.pipelines');
  if (sharedPipelines) return sharedPipelines;
  return { node: pair.value, pair };
}

/** Finds a pipeline by id, or says why it can't be edited. */
export function findPipelineNode(config: ConfigDocument, pipelineId: string): PipelineLocation | string {
  const pipelines = pipelinesMap(config);
  if (typeof pipelines === 'string') return pipelines;
  const missing = `The pipeline ${JSON.stringify(pipelineId)} does not exist.`;
  if (!pipelines) return missing;
  const index = ownPairIndex(pipelines.node, pipelineId, pipelineKey);
  if (index < 0) {
    if (hasMergeKey(pipelines.node)) return `${missing} (It may come from a << merge key; edit it in the text editor.)`;
    return missing;
  }
  return { pipelines: pipelines.node, pipelinesPair: pipelines.pair!, index, pair: pipelines.node.items[index] as Pair };
}


/** The ids of a list's items as the Collector reads them (non-scalars as null). */
export function listIds(seq: YAMLSeq): (string | null)[] {
  return seq.items.map((item) => (isScalar(item) && item.value !== null && typeof item.value !== 'object' ? normalizeComponentId(String(item.value)) : null));
}

/** The index among the mapping's items before which a key goes to keep `order` (end when none follows). */
export function orderedIndex(map: YAMLMap, key: string, order: readonly string[]): number {
  const rank = order.indexOf(key);
  if (rank < 0) return map.items.length;
  let lastBefore = -1;
  for (let i = 0; i < map.items.length; i++) {
    const k = keyText(map.items[i] as Pair);
    const r = k === null ? -1 : order.indexOf(k);
    if (r >= 0 && r < rank) lastBefore = i;
  }
  if (lastBefore >= 0) return lastBefore + 1;
  for (let i = 0; i < map.items.length; i++) {
    const k = keyText(map.items[i] as Pair);
    const r = k === null ? -1 : order.indexOf(k);
    if (r > rank) return i;
  }
  return map.items.length;
}

/** The roles of a pipeline in the Collector's order. */
export const ROLE_ORDER: readonly PipelineRole[] = ['receivers', 'processors', 'exporters'];
