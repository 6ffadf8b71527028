/**
 * Every list that can reference a component of a kind: the pipelines' `receivers`, `processors`
 * and `exporters` (a connector is in both `receivers` and `exporters`) and `service.extensions`.
 * A list reached through an alias is its anchored list, listed once.
 */
import { isAlias, isMap, isSeq, visit, type Pair, type YAMLSeq } from 'yaml';
import type { ComponentKind } from '../componentId';
import type { PipelineRole } from '../configModel';
import { listIds, ownPairIndex, pipelinesMap, sectionPair } from './configNodes';
import { deref, keyText } from '../yamlNodes';
import type { ConfigDocument } from './openConfig';

export interface ReferenceList {
  readonly seq: YAMLSeq;
  /** The pair whose value is the list (for `role: []`). */
  readonly pair: Pair;
  /** For messages: `service.pipelines.traces.receivers`. */
  readonly where: string;
  /** Indices of the items that reference the id. */
  readonly indices: readonly number[];
}

/** The pipeline roles where a component of this kind is referenced. */
export function rolesOf(kind: ComponentKind): readonly PipelineRole[] {
  if (kind === 'receiver') return ['receivers'];
  if (kind === 'processor') return ['processors'];
  if (kind === 'exporter') return ['exporters'];
  if (kind === 'connector') return ['receivers', 'exporters'];
  return [];
}

/** The lists that reference `id` (a normalised id), with the indices of its entries. */
export function findReferences(config: ConfigDocument, kind: ComponentKind, id: string): ReferenceList[] {
  const found: ReferenceList[] = [];
  const seen = new Set<YAMLSeq>();
  const take = (pair: Pair, where: string): void => {
    const seq = deref(config.doc, pair.value);
    if (!isSeq(seq) || seen.has(seq)) return;
    seen.add(seq);
    const indices = listIds(seq).flatMap((ref, i) => (ref === id ? [i] : []));
    if (indices.length > 0) found.push({ seq, pair: isAlias(pair.value) ? (holderOf(config, seq) ?? pair) : pair, where, indices });
  };
  const pipelines = pipelinesMap(config);
  if (pipelines && typeof pipelines !== 'string') {
    for (const item of pipelines.node.items) {
      const body = deref(config.doc, item.value);
      if (!isMap(body)) continue;
      for (const role of rolesOf(kind)) {
        const index = ownPairIndex(body, role);
        if (index >= 0) take(body.items[index] as Pair, `service.pipelines.${keyText(item as Pair)}.${role}`);
      }
    }
  }
  if (kind === 'extension') {
    const service = sectionPair(config, 'service');
    const body = deref(config.doc, service?.value);
    if (isMap(body)) {
      const index = ownPairIndex(body, 'extensions');
      if (index >= 0) take(body.items[index] as Pair, 'service.extensions');
    }
  }
  return found;
}

/** The pair whose own value is the node (the anchored list behind an alias). */
function holderOf(config: ConfigDocument, node: YAMLSeq): Pair | null {
  let holder: Pair | null = null;
  visit(config.doc, {
    Pair(_, pair) {
      if (pair.value === node) {
        holder = pair as Pair;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return holder;
}
