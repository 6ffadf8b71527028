import type { PipelineRole } from '../configModel';
import { moveItem } from './collectionEdits';
import { refuse, type EditResult } from './editResult';
import { finishEdit } from './finishEdit';
import { openConfig } from './openConfig';
import { locateRoleList } from './pipelineList';

/**
 * Moves the entry at `from` to position `to` of a pipeline's list (reordering processors). The
 * entry keeps its own text: quotes, its trailing comment and, in a block list, the comment lines
 * attached above it; a flow list stays a flow list on its line.
 */
export function moveInPipeline(text: string, pipelineId: string, role: PipelineRole, from: number, to: number): EditResult {
  const config = openConfig(text);
  if ('ok' in config) return config;
  const list = locateRoleList(config, pipelineId, role);
  if (typeof list === 'string') return refuse(list);
  const count = list.seq?.items.length ?? 0;
  const valid = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < count;
  if (!list.seq || !valid(from) || !valid(to)) {
    return refuse(`Can't move entry ${from} to ${to}: the ${role} of pipeline ${pipelineId} has ${count} entr${count === 1 ? 'y' : 'ies'}.`);
  }
  return finishEdit(config, moveItem(config, list.seq, from, to));
}
