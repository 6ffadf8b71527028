/** Canvas toolbar: new pipeline, undo/redo (Monaco's history), auto-layout, picture export, and the status line. */
import { useState } from 'react';
import type { Edge, Node } from '@xyflow/react';
import { SIGNALS, type Signal } from '../../core/config/componentId';
import { redo, undo } from '../../state/historyCommands';
import { useStores, useUi } from '../app/StoreContext';
import { applyCanvasEdit } from './applyCanvasEdit';
import { showStatus, useCanvasStatus } from './canvasStatus';
import { exportPng, exportSvg, pictureOfCanvas } from './exportPicture';
import { useLayoutDesign } from './useCanvasEditing';

export function CanvasToolbar({ nodes, edges, pipelineIds }: { nodes: readonly Node[]; edges: readonly Edge[]; pipelineIds: readonly string[] }) {
  const { document, layout } = useStores();
  const design = useLayoutDesign();
  const theme = useUi((s) => s.theme);
  const status = useCanvasStatus();
  const [signal, setSignal] = useState<Signal>('traces');
  const [name, setName] = useState('');

  const newPipeline = () => {
    const trimmed = name.trim();
    let id: string = trimmed ? `${signal}/${trimmed}` : signal;
    if (!trimmed) for (let n = 2; pipelineIds.includes(id); n++) id = `${signal}/${n}`;
    if (applyCanvasEdit(document, (t, edits) => edits.addPipeline(t, id), `Added pipeline ${id}; drop receivers, processors and exporters on its lane.`).ok) setName('');
  };
  const history = (fn: () => boolean, what: string) => {
    if (!fn()) showStatus(`Nothing to ${what} until the editor has loaded.`, 'error');
  };

  return (
    <div className="canvas-toolbar">
      <div className="canvas-toolbar__row" role="toolbar" aria-label="Canvas tools">
        <form
          className="canvas-toolbar__group"
          onSubmit={(e) => {
            e.preventDefault();
            newPipeline();
          }}
        >
          <select value={signal} onChange={(e) => setSignal(e.target.value as Signal)} aria-label="Signal of the new pipeline">
            {SIGNALS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="name (optional)" aria-label="Name of the new pipeline (optional)" size={12} />
          <button type="submit">New pipeline</button>
        </form>
        <div className="canvas-toolbar__group">
          <button type="button" onClick={() => history(undo, 'undo')} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" onClick={() => history(redo, 'redo')} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
        </div>
        <div className="canvas-toolbar__group">
          <button
            type="button"
            onClick={() => {
              layout.getState().clear(design);
              showStatus('Auto-layout: your node positions were reset to the computed layout.');
            }}
          >
            Auto-layout
          </button>
          <button type="button" onClick={() => exportSvg(pictureOfCanvas(nodes, edges, theme === 'dark'))}>
            Export SVG
          </button>
          <button type="button" onClick={() => void exportPng(pictureOfCanvas(nodes, edges, theme === 'dark'))}>
            Export PNG
          </button>
        </div>
      </div>
      <div className={`canvas-status${status?.tone === 'error' ? ' is-error' : ''}`} role="status" aria-live="polite" data-testid="canvas-status">
        {status?.text ?? ''}
      </div>
    </div>
  );
}
