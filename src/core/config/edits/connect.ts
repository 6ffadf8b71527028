import type { PipelineRole } from '../configModel';
import { addToPipeline } from './addToPipeline';
import { listIds, normalizeComponentId } from './configNodes';
import { connectionShapeProblem, type ConnectionEnd } from './connectionShapeProblem';
import { diffEdit } from './diffEdit';
import { refuse, type EditResult } from './editResult';
import { openConfig } from './openConfig';
import { locateRoleList } from './pipelineList';

function roleOf(end: ConnectionEnd): PipelineRole {
  return end.kind === 'receiver' ? 'receivers' : end.kind === 'processor' ? 'processors' : 'exporters';
}

/**
 * Turns an edge drawn on the canvas into an edit of the pipeline lists. Semantics:
 * - into a connector C from a component of pipeline P: C is added to P's `exporters`;
 * - out of a connector C into a component of pipeline Q: C is added to Q's `receivers`;
 * - from A to B in one pipeline P (either end may be new to P): the one not yet in P is added —
 *   a receiver to `receivers`, an exporter to the end of `exporters`, a processor to `processors`
 *   right after A when A is a processor of P, first when A is a receiver, right before B when B is
 *   a processor of P. Both ends already in P is refused ("already connected"): order changes are
 *   `moveInPipeline`.
 * Shapes that can never be joined are refused with `connectionShapeProblem`'s reason; signal and
 * cycle checks need the model and are `checkConnection`'s (call it first, while dragging).
 */
export function connect(text: string, source: ConnectionEnd, target: ConnectionEnd): EditResult {
  const shape = connectionShapeProblem(source, target);
  if (shape) return refuse(shape);
  if (target.kind === 'connector') return addToPipeline(text, source.pipelineId!, 'exporters', normalizeComponentId(target.id));
  if (source.kind === 'connector') return addToPipeline(text, target.pipelineId!, 'receivers', normalizeComponentId(source.id));
  const pipelineId = (source.pipelineId ?? target.pipelineId)!;
  const config = openConfig(text);
  if ('ok' in config) return config;
  const sourceId = normalizeComponentId(source.id);
  const targetId = normalizeComponentId(target.id);
  const sourceList = locateRoleList(config, pipelineId, roleOf(source));
  if (typeof sourceList === 'string') return refuse(sourceList);
  const targetList = locateRoleList(config, pipelineId, roleOf(target));
  if (typeof targetList === 'string') return refuse(targetList);
  const sourceIds = sourceList.seq ? listIds(sourceList.seq) : [];
  const targetIds = targetList.seq ? listIds(targetList.seq) : [];
  const sourceIn = sourceIds.includes(sourceId);
  const targetIn = targetIds.includes(targetId);
  if (sourceIn && targetIn) return refuse(`${sourceId} and ${targetId} are already connected in pipeline ${pipelineId}; drag within the lane to reorder.`);
  if (targetIn) {
    // A new source before an existing target: a processor goes right before it.
    const index = source.kind === 'processor' && target.kind === 'processor' ? targetIds.indexOf(targetId) : undefined;
    return addToPipeline(text, pipelineId, roleOf(source), sourceId, index);
  }
  if (sourceIn) return addToPipeline(text, pipelineId, roleOf(target), targetId, targetIndex(source, target, sourceIds.indexOf(sourceId)));
  // Both new to the pipeline: add the source, then the target after it.
  const first = addToPipeline(text, pipelineId, roleOf(source), sourceId);
  if (!first.ok) return first;
  const firstIds = source.kind === 'processor' ? sourceIds.length : -1;
  const second = addToPipeline(first.text, pipelineId, roleOf(target), targetId, targetIndex(source, target, firstIds));
  if (!second.ok) return second;
  return second.focus ? { ok: true, text: second.text, edits: diffEdit(text, second.text), focus: second.focus } : { ok: true, text: second.text, edits: diffEdit(text, second.text) };
}

/** Where the target goes: after a processor source, first after a receiver, at the end for exporters. */
function targetIndex(source: ConnectionEnd, target: ConnectionEnd, sourceIndex: number): number | undefined {
  if (target.kind !== 'processor') return undefined;
  if (source.kind === 'receiver') return 0;
  return sourceIndex >= 0 ? sourceIndex + 1 : undefined;
}
