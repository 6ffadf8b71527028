/**
 * The edits the canvas, the palette and the window drop make to the YAML text, in one chunk of
 * their own (decision 0017): they parse with `yaml`, which the first paint does not need.
 * `editEngine.ts` loads this module right after start-up; nothing imports it statically.
 */
import type { EditResult } from '../../core/config/edits/editResult';
import { addComponent } from '../../core/config/edits/addComponent';
import { addToPipeline } from '../../core/config/edits/addToPipeline';
import type { DropPlan } from './planDrop';

export { addComponent } from '../../core/config/edits/addComponent';
export { addPipeline } from '../../core/config/edits/addPipeline';
export { connect } from '../../core/config/edits/connect';
export { defineComponents } from '../../core/config/edits/defineComponents';
export { duplicatePipeline } from '../../core/config/edits/duplicatePipeline';
export { moveInPipeline } from '../../core/config/edits/moveInPipeline';
export { removeComponent } from '../../core/config/edits/removeComponent';
export { removeFromPipeline } from '../../core/config/edits/removeFromPipeline';
export { removePipeline } from '../../core/config/edits/removePipeline';
export { renameComponent } from '../../core/config/edits/renameComponent';
export { recogniseImport } from '../../core/import/recogniseImport';

/** Carries out a drop plan as one text change: define, then (maybe) join the pipeline. */
export function applyDropPlan(text: string, plan: DropPlan): EditResult {
  const defined = addComponent(text, plan.kind, plan.id);
  if (!defined.ok || !plan.join) return defined;
  const joined = addToPipeline(defined.text, plan.join.pipelineId, plan.join.role, plan.id, plan.join.index);
  if (!joined.ok) return joined;
  return { ok: true, text: joined.text, edits: [{ from: 0, to: text.length, insert: joined.text }], ...(defined.focus ? { focus: defined.focus } : {}) };
}
