/** Problems and the preview's tabs under the canvas; the open tab is handed to the tabs' contents (useBottomTabs). */
import { lazy, Suspense, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ProblemsPanel } from './ProblemsPanel';
import { useDocument, useStores } from '../app/StoreContext';
import { RunBar } from '../preview/RunBar';
import { BottomTabsContext, DEFAULT_LIST_VIEW, type BottomTab, type BottomTabs, type TraceListView, type TraceReveal } from './useBottomTabs';
import '../preview/preview.css';

// The preview tabs (charts, virtual lists) load when first opened.
const DataPanel = lazy(() => import('../preview/DataPanel').then((m) => ({ default: m.DataPanel })));
const ResultsPanel = lazy(() => import('../preview/ResultsPanel').then((m) => ({ default: m.ResultsPanel })));
const TracesPanel = lazy(() => import('../preview/TracesPanel').then((m) => ({ default: m.TracesPanel })));
const ComparePanel = lazy(() => import('../preview/ComparePanel').then((m) => ({ default: m.ComparePanel })));

const PREVIEW_TABS: { id: BottomTab; label: string }[] = [
  { id: 'data', label: 'Data' },
  { id: 'results', label: 'Results' },
  { id: 'traces', label: 'Traces' },
  { id: 'compare', label: 'Compare' },
];
const ORDER: BottomTab[] = ['problems', ...PREVIEW_TABS.map((t) => t.id)];
/** The preview tabs need room: opening one grows a small panel to this height. */
const PREVIEW_MIN_HEIGHT = 340;
/** A trace view (verdicts, waterfall, span details) needs a little more. */
const TRACE_MIN_HEIGHT = 420;

export function BottomPanel() {
  const errors = useDocument((s) => s.analysis?.diagnostics.filter((d) => d.severity === 'error').length ?? 0);
  const warnings = useDocument((s) => s.analysis?.diagnostics.filter((d) => d.severity === 'warning').length ?? 0);
  const unwrapped = useDocument((s) => s.lastGood?.model.unwrapped?.description ?? null);
  const { ui, simulation } = useStores();
  const [tab, setTab] = useState<BottomTab>('problems');
  const [reveal, setReveal] = useState<TraceReveal | null>(null);
  const [list, setListState] = useState<TraceListView>(DEFAULT_LIST_VIEW);
  const tabRefs = useRef(new Map<BottomTab, HTMLButtonElement>());
  const body = useRef<HTMLDivElement>(null);
  // Each tab starts at its top (the panel body is shared, so its scroll would carry over).
  useLayoutEffect(() => {
    body.current?.scrollTo(0, 0);
  }, [tab]);

  const grow = useCallback((height: number) => {
    if (ui.getState().panes.bottom < height) ui.getState().setPanes({ bottom: height });
  }, [ui]);
  const open = useCallback((next: BottomTab) => {
    setTab(next);
    if (next !== 'problems') grow(PREVIEW_MIN_HEIGHT);
  }, [grow]);
  const setList = useCallback((change: Partial<TraceListView>) => setListState((l) => ({ ...l, ...change })), []);
  const openTrace = useCallback((row: number, options?: { readonly changedOnly?: boolean }) => {
    // From Compare: the list shows the changed traces (other filters could hide the one opened).
    if (options?.changedOnly) setListState((l) => ({ ...l, filter: DEFAULT_LIST_VIEW.filter, changedOnly: true }));
    setTab('traces');
    grow(TRACE_MIN_HEIGHT);
    simulation.getState().selectTrace(row);
    setReveal((r) => ({ row, seq: (r?.seq ?? 0) + 1 }));
  }, [grow, simulation]);
  const showChanged = useCallback(() => {
    setListState((l) => ({ ...l, filter: DEFAULT_LIST_VIEW.filter, changedOnly: true }));
    open('traces');
  }, [open]);
  const tabs = useMemo<BottomTabs>(() => ({ tab, open, openTrace, showChanged, reveal, list, setList }), [tab, open, openTrace, showChanged, reveal, list, setList]);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern: one tab stop, activation follows focus).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = ORDER.indexOf(tab);
    const to = e.key === 'ArrowRight' ? (at + 1) % ORDER.length : e.key === 'ArrowLeft' ? (at + ORDER.length - 1) % ORDER.length : e.key === 'Home' ? 0 : e.key === 'End' ? ORDER.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    open(ORDER[to]!);
    tabRefs.current.get(ORDER[to]!)?.focus();
  };
  const tabProps = (id: BottomTab) => ({
    type: 'button' as const,
    role: 'tab',
    id: `bottom-tab-${id}`,
    'aria-selected': tab === id,
    'aria-controls': 'bottom-panel',
    tabIndex: tab === id ? 0 : -1,
    className: `bottom__tab${tab === id ? ' is-active' : ''}`,
    onClick: () => open(id),
    ref: (el: HTMLButtonElement | null) => {
      if (el) tabRefs.current.set(id, el);
      else tabRefs.current.delete(id);
    },
  });

  return (
    <section className="bottom" aria-label="Problems and results">
      <div className="bottom__tabs">
        <div className="bottom__tablist" role="tablist" aria-label="Bottom panel" onKeyDown={onKeyDown}>
          <button {...tabProps('problems')}>
            Problems <span className="bottom__counts">{errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : ''}{errors > 0 && warnings > 0 ? ', ' : ''}{warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''}</span>
          </button>
          {PREVIEW_TABS.map((t) => (
            <button key={t.id} {...tabProps(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        {unwrapped && <span className="bottom__note">{unwrapped}</span>}
        <RunBar />
      </div>
      <div ref={body} className="bottom__body" role="tabpanel" id="bottom-panel" aria-labelledby={`bottom-tab-${tab}`}>
        <BottomTabsContext.Provider value={tabs}>
          {tab === 'problems' && <ProblemsPanel />}
          <Suspense fallback={<p className="problems__none">Loading…</p>}>
            {tab === 'data' && <DataPanel />}
            {tab === 'results' && <ResultsPanel />}
            {tab === 'traces' && <TracesPanel />}
            {tab === 'compare' && <ComparePanel />}
          </Suspense>
        </BottomTabsContext.Provider>
      </div>
    </section>
  );
}
