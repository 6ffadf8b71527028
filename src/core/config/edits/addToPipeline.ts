import { parseComponentId } from '../componentId';
import type { PipelineRole } from '../configModel';
import { listIds } from './configNodes';
import { refuse, type EditResult } from './editResult';
import { finishEdit } from './finishEdit';
import { openConfig } from './openConfig';
import { insertIntoRole, locateRoleList } from './pipelineList';

/**
 * Adds component `id` to a pipeline's `receivers`, `processors` or `exporters` at `index` (the end
 * when omitted). The list keeps its style: `[a]` → `[a, id]`, a block list gets a `- id` line
 * with its neighbours' indentation; an empty role (`processors:`) or a missing key becomes a list
 * in the style of the pipeline's other lists. Refuses a pipeline that does not exist, an id that
 * is already in the list (the Collector rejects duplicates) or is invalid, an index out of range,
 * and a list shared through an anchor.
 */
export function addToPipeline(text: string, pipelineId: string, role: PipelineRole, id: string, index?: number): EditResult {
  const parsed = parseComponentId(id);
  if (!parsed.ok) return refuse(`${JSON.stringify(id)} is not a valid component id: ${parsed.message}.`);
  const config = openConfig(text);
  if ('ok' in config) return config;
  const list = locateRoleList(config, pipelineId, role);
  if (typeof list === 'string') return refuse(list);
  const ids = list.seq ? listIds(list.seq) : [];
  if (ids.includes(parsed.id)) return refuse(`${parsed.id} is already in the ${role} of pipeline ${pipelineId}.`);
  if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > ids.length)) {
    return refuse(`Position ${index} is outside the ${role} of pipeline ${pipelineId} (it has ${ids.length} entr${ids.length === 1 ? 'y' : 'ies'}).`);
  }
  return finishEdit(config, insertIntoRole(config, list, role, parsed.id, index));
}
