/**
 * When pipelines reference ids that no section defines, the canvas draws those nodes as "not
 * defined" and this strip under the toolbar names them and offers to define them all at once —
 * one edit, one undo step — each with its type's starter settings (or one by one from the node
 * menu). The Collector would refuse such a config ("references … which is not configured").
 */
import { useMemo } from 'react';
import type { PipelineGraph } from '../../core/graph/pipelineGraph';
import { useStores } from '../app/StoreContext';
import { applyCanvasEdit } from './applyCanvasEdit';
import { missingComponents } from './missingComponents';

const SHOWN = 6;

export function MissingComponents({ graph }: { graph: PipelineGraph }) {
  const { document } = useStores();
  const missing = useMemo(() => missingComponents(graph), [graph]);
  if (missing.length === 0) return null;
  const names = missing.slice(0, SHOWN).map((m) => `${m.kind} ${m.id}`);
  const more = missing.length > SHOWN ? ` and ${missing.length - SHOWN} more` : '';
  const define = () =>
    applyCanvasEdit(document, (t, edits) => edits.defineComponents(t, missing), `Defined ${missing.length === 1 ? names[0] : `${missing.length} components`} with starter settings; check their endpoints.`);
  return (
    <div className="canvas-missing" role="group" aria-label="Components used but not defined">
      <span>
        <strong>{missing.length === 1 ? '1 component is' : `${missing.length} components are`} used in pipelines but not defined</strong>: {names.join(', ')}
        {more}. The Collector would not start.
      </span>
      <button type="button" onClick={define}>
        {missing.length === 1 ? `Define ${names[0]}` : `Define all ${missing.length}`}
      </button>
    </div>
  );
}
