/** The Traces tab: a filterable, sortable, virtualised list of every trace and what became of it; a row opens the trace view. */
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { filterTraces, NO_FILTER, rootServices, sortTraces, type TraceFilter, type TraceSort, type TraceSortKey } from '../../core/simulation/preview/filterTraces';
import { traceRowAt } from '../../core/simulation/traceTable';
import { useSimulation, useStores } from '../app/StoreContext';
import { DECISION_LABELS, formatCount, formatMs } from './format';
import { PreviewNotice } from './PreviewNotice';
import { TraceView } from './TraceView';

const COLUMNS: { key: TraceSortKey; label: string; className: string }[] = [
  { key: 'traceId', label: 'Trace id', className: 'pv-col-id' },
  { key: 'decision', label: 'Decision', className: 'pv-col-decision' },
  { key: 'service', label: 'Root service', className: 'pv-col-service' },
  { key: 'name', label: 'Root span', className: 'pv-col-name' },
  { key: 'duration', label: 'Duration', className: 'pv-col-num' },
  { key: 'spans', label: 'Spans', className: 'pv-col-num' },
  { key: 'exported', label: 'Exported', className: 'pv-col-num' },
  { key: 'decidedBy', label: 'Kept by', className: 'pv-col-policy' },
];

const ROW_HEIGHT = 26;

export function TracesPanel() {
  const { simulation } = useStores();
  const current = useSimulation((s) => s.current);
  const selectedRow = useSimulation((s) => s.selectedRow);
  const [filter, setFilter] = useState<TraceFilter>(NO_FILTER);
  const [sort, setSort] = useState<TraceSort>({ key: 'index', descending: false });
  const table = current?.table ?? null;
  const services = useMemo(() => (table ? rootServices(table) : []), [table]);
  const rows = useMemo(() => (table ? sortTraces(table, filterTraces(table, filter), sort) : new Uint32Array(0)), [table, filter, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  if (!table) return <PreviewNotice empty="The preview has not run yet." />;
  const set = (change: Partial<TraceFilter>) => setFilter((f) => ({ ...f, ...change }));
  const toggleSort = (key: TraceSortKey) => setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: key === 'duration' || key === 'spans' || key === 'exported' }));

  return (
    <div className={`pv-traces${selectedRow !== null ? ' has-selection' : ''}`}>
      <div className="pv-traces__list">
        <div className="pv-filters" role="group" aria-label="Filter traces">
          <select aria-label="Decision" value={filter.decision} onChange={(e) => set({ decision: e.target.value as TraceFilter['decision'] })}>
            <option value="all">All decisions</option>
            <option value="sampled">Sampled</option>
            <option value="not_sampled">Not sampled</option>
            <option value="dropped">Dropped</option>
          </select>
          <select aria-label="Policy" value={filter.policy} onChange={(e) => set({ policy: e.target.value })}>
            <option value="">Any policy</option>
            {table.policies.map((p) => (
              <option key={p} value={p}>
                Sampled by {p}
              </option>
            ))}
          </select>
          <select aria-label="Service" value={filter.service} onChange={(e) => set({ service: e.target.value })}>
            <option value="">Any service</option>
            {services.map((s) => (
              <option key={s} value={s}>
                {s || '(no service)'}
              </option>
            ))}
          </select>
          <select aria-label="Status" value={filter.error} onChange={(e) => set({ error: e.target.value as TraceFilter['error'] })}>
            <option value="all">Errors and ok</option>
            <option value="error">With errors</option>
            <option value="ok">Without errors</option>
          </select>
          <input type="number" aria-label="Minimum duration (ms)" placeholder="min ms" min={0} value={filter.minDurationMs || ''} onChange={(e) => set({ minDurationMs: Number(e.target.value) || 0 })} />
          <input type="search" aria-label="Trace id" placeholder="trace id" value={filter.traceId} onChange={(e) => set({ traceId: e.target.value })} />
          <span className="pv-muted" data-testid="trace-count">
            {formatCount(rows.length)} of {formatCount(table.count)} traces
          </span>
        </div>
        <div className="pv-grid" role="table" aria-label="Traces" aria-rowcount={rows.length + 1}>
          <div className="pv-grid__head" role="row">
            {COLUMNS.map((c) => (
              <span key={c.key} role="columnheader" className={c.className} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="pv-sort" onClick={() => toggleSort(c.key)}>
                  {c.label}
                  {sort.key === c.key ? (sort.descending ? ' ▾' : ' ▴') : ''}
                </button>
              </span>
            ))}
          </div>
          <div ref={scroller} className="pv-grid__body" role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const index = rows[item.index]!;
                const row = traceRowAt(table, index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={selectedRow === index}
                    tabIndex={0}
                    className={`pv-grid__row pv-decision--${row.decision}${selectedRow === index ? ' is-selected' : ''}`}
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => simulation.getState().selectTrace(index)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        simulation.getState().selectTrace(index);
                      }
                    }}
                    data-testid="trace-row"
                  >
                    <span role="cell" className="pv-col-id" title={row.traceId}>
                      {row.traceId}
                    </span>
                    <span role="cell" className="pv-col-decision">
                      <span className={`pv-dot pv-dot--${row.decision}`} /> {DECISION_LABELS[row.decision]}
                      {row.evicted ? ' (evicted)' : ''}
                    </span>
                    <span role="cell" className="pv-col-service">
                      {row.rootService}
                    </span>
                    <span role="cell" className="pv-col-name" title={row.rootName}>
                      {row.hasError && <span className="pv-error-mark" title="has an error span">!</span>}
                      {row.rootName}
                    </span>
                    <span role="cell" className="pv-col-num">
                      {formatMs(row.durationMs)}
                    </span>
                    <span role="cell" className="pv-col-num">
                      {formatCount(row.spanCount)}
                    </span>
                    <span role="cell" className="pv-col-num">
                      {formatCount(row.exportedSpans)}
                    </span>
                    <span role="cell" className="pv-col-policy">
                      {row.sampledBy.join(', ')}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {selectedRow !== null && <TraceView key={selectedRow} />}
    </div>
  );
}
