import type { PipelineRole } from '../configModel';
import { refuse, type EditResult } from './editResult';
import { finishEdit } from './finishEdit';
import { openConfig } from './openConfig';
import { locateRoleList, removeFromRole } from './pipelineList';

/**
 * Removes the entry at `index` of a pipeline's list: `[a, b]` → `[a]` → `[]`; a block list item
 * goes with its line and the comment lines attached above it, and a block list losing its last
 * item becomes `role: []`.
 */
export function removeFromPipeline(text: string, pipelineId: string, role: PipelineRole, index: number): EditResult {
  const config = openConfig(text);
  if ('ok' in config) return config;
  const list = locateRoleList(config, pipelineId, role);
  if (typeof list === 'string') return refuse(list);
  const count = list.seq?.items.length ?? 0;
  if (!list.seq || !list.rolePair || !Number.isInteger(index) || index < 0 || index >= count) {
    return refuse(`There is no entry ${index} in the ${role} of pipeline ${pipelineId} (it has ${count}).`);
  }
  return finishEdit(config, removeFromRole(config, list.rolePair, list.seq, index));
}
