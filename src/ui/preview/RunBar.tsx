/** Run status in the bottom panel's tab strip: progress, Run and Cancel, and why a result is stale. */
import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import { useSimulation, useStores } from '../app/StoreContext';
import { useFileDrop } from './useFileDrop';
import { formatCount, formatPercent } from './format';

export function RunBar() {
  const { simulation } = useStores();
  const status = useSimulation((s) => s.status);
  const progress = useSimulation((s) => s.progress);
  const partial = progress?.partial ?? null;
  const loading = useSimulation((s) => s.loading);
  const stale = useSimulation((s) => s.stale);
  const hasResult = useSimulation((s) => s.current !== null);
  const elapsed = useSimulation((s) => s.current?.elapsedMs ?? 0);
  const dataset = useSimulation((s) => s.dataset?.label ?? null);
  const rejected = useSimulation((s) => s.current?.result.issues.filter((i) => i.severity === 'error').length ?? 0);
  const upload = useCallback((files: File[]) => void simulation.getState().loadFiles(files.map((f) => ({ name: f.name, blob: f }))), [simulation]);
  const dragging = useFileDrop(upload);
  const busy = status === 'running' || loading !== null;
  const fraction = loading?.progress ? loading.progress.done / Math.max(1, loading.progress.total) : progress ? progress.spansDone / Math.max(1, progress.spansTotal) : null;
  let text: string;
  if (loading) text = loading.progress ? `Loading ${loading.label}: ${formatCount(loading.progress.spans)} spans` : `Loading ${loading.label}…`;
  else if (status === 'running') text = progress ? `Running: ${formatCount(progress.spansDone)} of ${formatCount(progress.spansTotal)} spans` : 'Running…';
  else if (status === 'waiting') text = 'Edited: rerunning shortly';
  else if (status === 'blocked') text = 'Cannot run: config has errors';
  else if (status === 'failed') text = 'Run failed';
  else if (status === 'cancelled') text = 'Cancelled';
  else if (hasResult) text = `Preview of ${dataset ?? 'traces'} (${elapsed.toFixed(0)} ms)${rejected > 0 ? ` · ${rejected === 1 ? 'a component' : `${rejected} components`} failed to start` : ''}`;
  else text = 'No preview yet';
  return (
    <div className="run-bar" role="group" aria-label="Preview run">
      {/* In the body: the run bar contains its layout and paint (a fixed overlay inside would be clipped). */}
      {dragging &&
        createPortal(
          <div className="pv-drop" aria-hidden="true">
            Drop trace files to preview them (OTLP JSON, JSON Lines, protobuf, Jaeger, Zipkin)
          </div>,
          document.body,
        )}
      <span className={`run-bar__status run-bar__status--${status}${rejected > 0 && status === 'done' ? ' run-bar__status--failed' : ''}`} role="status" aria-live="polite" data-testid="run-status" title={text}>
        {text}
        {stale && hasResult && !busy ? ' · result is stale' : ''}
      </span>
      {status === 'running' && !loading && partial && (
        // What the engine has decided so far (it sends a partial summary every few steps): the
        // first numbers appear within a second even on a 1e6-span run.
        <span className="run-bar__partial" data-testid="run-partial" title="Partial result: traces decided so far; the run is not finished">
          partial: {formatCount(partial.sampledTraces)} of {formatCount(partial.sampledTraces + partial.notSampledTraces + partial.droppedTraces)} decided traces kept ({formatPercent(partial.sampledTraces, partial.sampledTraces + partial.notSampledTraces + partial.droppedTraces)})
        </span>
      )}
      {busy && fraction !== null && <progress className="run-bar__progress" max={1} value={fraction} aria-label="Preview progress" />}
      {busy ? (
        <button type="button" className="pv-button" onClick={() => simulation.getState().cancel()}>
          Cancel
        </button>
      ) : (
        <button type="button" className="pv-button pv-button--primary" onClick={() => void simulation.getState().runNow()} disabled={status === 'blocked'}>
          Run
        </button>
      )}
    </div>
  );
}
