/** Problems and results under the canvas. */
import { lazy, Suspense, useState } from 'react';
import { ProblemsPanel } from './ProblemsPanel';
import { useDocument, useStores } from '../app/StoreContext';
import { RunBar } from '../preview/RunBar';
import '../preview/preview.css';

// The preview tabs (charts, virtual lists) load when first opened.
const DataPanel = lazy(() => import('../preview/DataPanel').then((m) => ({ default: m.DataPanel })));
const ResultsPanel = lazy(() => import('../preview/ResultsPanel').then((m) => ({ default: m.ResultsPanel })));
const TracesPanel = lazy(() => import('../preview/TracesPanel').then((m) => ({ default: m.TracesPanel })));


type Tab = 'problems' | 'data' | 'results' | 'traces';
const PREVIEW_TABS: { id: Tab; label: string }[] = [
  { id: 'data', label: 'Data' },
  { id: 'results', label: 'Results' },
  { id: 'traces', label: 'Traces' },
];
/** The preview tabs need room: opening one grows a small panel to this height. */
const PREVIEW_MIN_HEIGHT = 340;

export function BottomPanel() {
  const errors = useDocument((s) => s.analysis?.diagnostics.filter((d) => d.severity === 'error').length ?? 0);
  const warnings = useDocument((s) => s.analysis?.diagnostics.filter((d) => d.severity === 'warning').length ?? 0);
  const unwrapped = useDocument((s) => s.lastGood?.model.unwrapped?.description ?? null);
  const { ui } = useStores();
  const [tab, setTab] = useState<Tab>('problems');
  const open = (next: Tab) => {
    setTab(next);
    if (next !== 'problems' && ui.getState().panes.bottom < PREVIEW_MIN_HEIGHT) ui.getState().setPanes({ bottom: PREVIEW_MIN_HEIGHT });
  };
  return (
    <section className="bottom" aria-label="Problems and results">
      <div className="bottom__tabs">
        <div className="bottom__tablist" role="tablist" aria-label="Bottom panel">
        <button type="button" role="tab" id="bottom-tab-problems" aria-selected={tab === 'problems'} aria-controls="bottom-panel" className={`bottom__tab${tab === 'problems' ? ' is-active' : ''}`} onClick={() => open('problems')}>
          Problems <span className="bottom__counts">{errors > 0 ? `${errors} errors` : ''}{errors > 0 && warnings > 0 ? ', ' : ''}{warnings > 0 ? `${warnings} warnings` : ''}</span>
        </button>
        {PREVIEW_TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`bottom-tab-${t.id}`} aria-selected={tab === t.id} aria-controls="bottom-panel" className={`bottom__tab${tab === t.id ? ' is-active' : ''}`} onClick={() => open(t.id)}>
            {t.label}
          </button>
        ))}
        </div>
        {unwrapped && <span className="bottom__note">{unwrapped}</span>}
        <RunBar />
      </div>
      <div className="bottom__body" role="tabpanel" id="bottom-panel" aria-labelledby={`bottom-tab-${tab}`}>
        {tab === 'problems' && <ProblemsPanel />}
        <Suspense fallback={<p className="problems__none">Loading…</p>}>
          {tab === 'data' && <DataPanel />}
          {tab === 'results' && <ResultsPanel />}
          {tab === 'traces' && <TracesPanel />}
        </Suspense>
      </div>
    </section>
  );
}
