/** The Traces tab: a filterable, sortable, virtualised list of every trace and what became of it; a row opens the trace view. */
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { filterTraces, rootServices, sortTraces, type TraceFilter, type TraceSortKey } from '../../core/simulation/preview/filterTraces';
import { traceRowAt, type TraceTable } from '../../core/simulation/traceTable';
import type { TraceReveal } from '../panels/useBottomTabs';
import { useSimulation, useStores } from '../app/StoreContext';
import { useBottomTabs } from '../panels/useBottomTabs';
import { onlyRows } from './comparison';
import { componentOf, DECISION_LABELS, formatCount, formatMs } from './format';
import { PreviewNotice } from './PreviewNotice';
import { TraceView } from './TraceView';
import { useComparison } from './useComparison';
import { useElementWidth } from './useElementWidth';

interface Column {
  readonly key: TraceSortKey | 'sampledBy';
  readonly label: string;
  readonly className: string;
  /** Shown while a trace is open beside the list (the narrow layout). */
  readonly narrow: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'traceId', label: 'Trace id', className: 'pv-col-id', narrow: true },
  { key: 'decision', label: 'Decision', className: 'pv-col-decision', narrow: true },
  { key: 'service', label: 'Root service', className: 'pv-col-service', narrow: false },
  { key: 'name', label: 'Root span', className: 'pv-col-name', narrow: false },
  { key: 'duration', label: 'Duration', className: 'pv-col-num', narrow: true },
  { key: 'spans', label: 'Spans', className: 'pv-col-num', narrow: true },
  { key: 'exported', label: 'Exported', className: 'pv-col-num', narrow: false },
  { key: 'decidedBy', label: 'Decided by', className: 'pv-col-decider', narrow: false },
  // Not sortable: the table keeps which policies sampled a trace as a bit set, not as text.
  { key: 'sampledBy', label: 'Sampled by policy', className: 'pv-col-policy', narrow: false },
];

/** Numbers sort largest first on the first click; text and ids A → Z. */
const NUMERIC: ReadonlySet<TraceSortKey> = new Set(['duration', 'spans', 'exported']);

const ROW_HEIGHT = 26;
/** Below this list width the text columns give way to the numbers (every column needs ~720 px). */
const WIDE_LIST = 720;
/** Below this panel width an open trace takes the whole panel (list and trace view side by side need ~760 px). */
const SIDE_BY_SIDE = 760;

/**
 * How many of the table's policies the policy filter can answer for. A table whose sampled-by
 * column is one 32-bit mask per trace (no `policyWords`) knows only the first 32; with the bit
 * set (`policyWords` words per trace) it knows all of them.
 */
function filterablePolicies(table: { readonly policies: readonly string[] }): number {
  return 'policyWords' in table ? table.policies.length : Math.min(32, table.policies.length);
}

export function TracesPanel() {
  const { simulation } = useStores();
  const tabs = useBottomTabs();
  // Deferred: a new result (100,000 rows to filter and sort) renders in the background, after the
  // run bar and the canvas have painted it (issue #7: no long task at the end of a run).
  const current = useDeferredValue(useSimulation((s) => s.current));
  const selectedRow = useSimulation((s) => s.selectedRow);
  const { filter, sort, changedOnly } = tabs.list;
  const compared = useComparison();
  const changed = compared.comparison;
  const table = current?.table ?? null;
  const services = useMemo(() => (table ? rootServices(table) : []), [table]);
  const rows = useMemo(() => {
    if (!table) return new Uint32Array(0);
    const filtered = filterTraces(table, filter);
    return sortTraces(table, changedOnly ? onlyRows(filtered, changed?.changedRows ?? new Uint32Array(0), table.count) : filtered, sort);
  }, [table, filter, sort, changedOnly, changed]);
  const list = useRef<RowsHandle | null>(null);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const handled = useRef(0);
  const panel = useRef<HTMLDivElement>(null);
  const panelWidth = useElementWidth(panel);

  // Compare asked for a trace: scroll it into view and move focus to its trace view.
  const reveal = tabs.reveal;
  useEffect(() => {
    if (!reveal || reveal.seq === handled.current || !table) return;
    handled.current = reveal.seq;
    list.current?.reveal(reveal);
    setFocusKey(reveal.seq);
  }, [reveal, rows, table]);

  const setList = tabs.setList;
  const setFilter = useCallback((change: Partial<TraceFilter>) => setList({ filter: { ...filter, ...change } }), [setList, filter]);
  const toggleSort = useCallback(
    (key: TraceSortKey) => setList({ sort: sort.key === key ? { key, descending: !sort.descending } : { key, descending: NUMERIC.has(key) } }),
    [setList, sort],
  );
  const setChangedOnly = useCallback((on: boolean) => setList({ changedOnly: on }), [setList]);

  if (!table) return <PreviewNotice empty="The preview has not run yet." />;
  const open = selectedRow !== null;
  // 0: not measured yet (first paint), laid out as wide.
  const stacked = open && panelWidth > 0 && panelWidth < SIDE_BY_SIDE;
  const narrowList = open || (panelWidth > 0 && panelWidth < WIDE_LIST);
  const columns = narrowList ? NARROW_COLUMNS : COLUMNS;
  const closeTrace = () => {
    const row = selectedRow;
    simulation.getState().selectTrace(null);
    if (row !== null) list.current?.focusPosition(rows.indexOf(row));
  };

  return (
    <div ref={panel} className={`pv-traces${open ? ' has-selection' : ''}${narrowList ? ' is-narrow' : ''}${stacked ? ' is-stacked' : ''}`}>
      <div className="pv-traces__list" hidden={stacked}>
        <TraceFilters
          table={table}
          filter={filter}
          services={services}
          shown={rows.length}
          changedOnly={changedOnly}
          changedCount={changed ? changed.changedRows.length : null}
          changedTitle={changed ? `Traces whose decision differs from ${compared.label}` : (compared.why ?? '')}
          onFilter={setFilter}
          onChangedOnly={setChangedOnly}
        />
        <div className="pv-grid" role="table" aria-label="Traces" aria-rowcount={rows.length + 1}>
          <TraceHeader columns={columns} sort={sort} onSort={toggleSort} />
          <TraceRows
            handle={list}
            table={table}
            rows={rows}
            columns={columns}
            selectedRow={selectedRow}
            beforeByRow={changedOnly && !narrowList ? (changed?.beforeByRow ?? null) : null}
          />
        </div>
        {rows.length === 0 && <p className="pv-muted pv-empty pv-traces__none">{changedOnly && !changed ? compared.why : 'No trace matches these filters.'}</p>}
      </div>
      {selectedRow !== null && <TraceView key={selectedRow} focusKey={focusKey} onClose={closeTrace} closeLabel={stacked ? '← All traces' : null} before={changed?.beforeByRow.get(selectedRow) ?? null} comparedWith={compared.label} />}
    </div>
  );
}

const NARROW_COLUMNS = COLUMNS.filter((c) => c.narrow);

interface FiltersProps {
  readonly table: TraceTable;
  readonly filter: TraceFilter;
  readonly services: readonly string[];
  readonly shown: number;
  readonly changedOnly: boolean;
  /** Traces whose decision changed against the compared run, or null when there is nothing to compare. */
  readonly changedCount: number | null;
  readonly changedTitle: string;
  readonly onFilter: (change: Partial<TraceFilter>) => void;
  readonly onChangedOnly: (on: boolean) => void;
}

/** The filter bar: outside the scrolled rows, so scrolling never re-renders it. */
const TraceFilters = memo(function TraceFilters({ table, filter, services, shown, changedOnly, changedCount, changedTitle, onFilter: set, onChangedOnly }: FiltersProps) {
  return (
    <div className="pv-filters" role="group" aria-label="Filter traces">
      <div className="pv-filters__controls">
        <select aria-label="Decision" value={filter.decision} onChange={(e) => set({ decision: e.target.value as TraceFilter['decision'] })}>
          <option value="all">All decisions</option>
          <option value="sampled">Sampled</option>
          <option value="not_sampled">Not sampled</option>
          <option value="dropped">Dropped</option>
        </select>
        <select aria-label="Policy" value={filter.policy} onChange={(e) => set({ policy: e.target.value })} disabled={table.policies.length === 0} title={table.policies.length === 0 ? 'No tail-sampling policy in this config' : undefined}>
          <option value="">Any policy</option>
          {table.policies.map((p, i) => (
            <option key={p} value={p} disabled={i >= filterablePolicies(table)}>
              Sampled by {p}
              {i >= filterablePolicies(table) ? ' (not filterable: over 32 policies)' : ''}
            </option>
          ))}
        </select>
        <select aria-label="Service" value={filter.service} onChange={(e) => set({ service: e.target.value })}>
          <option value="">Any root service</option>
          {services.map((s) => (
            <option key={s} value={s}>
              {s || '(no service)'}
            </option>
          ))}
        </select>
        <select aria-label="Errors" value={filter.error} onChange={(e) => set({ error: e.target.value as TraceFilter['error'] })}>
          <option value="all">With or without errors</option>
          <option value="error">With an error span</option>
          <option value="ok">Without errors</option>
        </select>
        <label className="pv-filter-field">
          <span>Duration ≥</span>
          <input type="number" aria-label="Minimum duration (ms)" min={0} value={filter.minDurationMs || ''} onChange={(e) => set({ minDurationMs: Math.max(0, Number(e.target.value) || 0) })} />
          <span>ms</span>
        </label>
        <input type="search" aria-label="Trace id" placeholder="trace id starts with…" value={filter.traceId} onChange={(e) => set({ traceId: e.target.value })} />
        {(changedOnly || changedCount !== null) && (
          <label className="pv-filter-field" title={changedTitle}>
            <input type="checkbox" checked={changedOnly} disabled={changedCount === null && !changedOnly} onChange={(e) => onChangedOnly(e.target.checked)} />
            <span>Decision changed{changedCount !== null ? ` (${formatCount(changedCount)})` : ''}</span>
          </label>
        )}
      </div>
      <span className="pv-muted pv-filters__count" data-testid="trace-count" role="status">
        {formatCount(shown)} of {formatCount(table.count)} traces
      </span>
    </div>
  );
});

const TraceHeader = memo(function TraceHeader({ columns, sort, onSort }: { readonly columns: readonly Column[]; readonly sort: { readonly key: TraceSortKey; readonly descending: boolean }; readonly onSort: (key: TraceSortKey) => void }) {
  return (
    <div className="pv-grid__head" role="row" aria-rowindex={1}>
      {columns.map((c) => {
        const key = c.key;
        if (key === 'sampledBy') {
          return (
            <span key={key} role="columnheader" className={`${c.className} pv-col-head`}>
              {c.label}
            </span>
          );
        }
        return (
          <span key={key} role="columnheader" className={c.className} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
            <button type="button" className="pv-sort" onClick={() => onSort(key)} title={`Sort by ${c.label.toLowerCase()}`}>
              {c.label}
              <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▾' : ' ▴') : ''}</span>
            </button>
          </span>
        );
      })}
    </div>
  );
});

/** What the panel asks of the scrolled list (which owns the virtualizer). */
interface RowsHandle {
  focusPosition(position: number): void;
  reveal(reveal: TraceReveal): void;
}

interface RowsProps {
  readonly handle: RefObject<RowsHandle | null>;
  readonly table: TraceTable;
  readonly rows: Uint32Array;
  readonly columns: readonly Column[];
  readonly selectedRow: number | null;
  /** Each changed trace's decision before (shown in the "changed only" list), or null. */
  readonly beforeByRow: ReadonlyMap<number, string> | null;
}

/** The scrolled rows: only this re-renders on scroll, and each row only when what it shows changes. */
function TraceRows({ handle, table, rows, columns, selectedRow, beforeByRow }: RowsProps) {
  const { simulation } = useStores();
  const scroller = useRef<HTMLDivElement>(null);
  // useFlushSync false: scrolling re-renders in React's normal batch, not synchronously inside
  // every scroll event.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, useFlushSync: false });
  const latest = useRef({ rows, virtualizer });
  useEffect(() => {
    latest.current = { rows, virtualizer };
  });

  const focusPosition = useCallback((position: number) => {
    const { rows: r, virtualizer: v } = latest.current;
    if (position < 0 || position >= r.length) return;
    v.scrollToIndex(position);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-position="${position}"]`)?.focus());
  }, []);
  useEffect(() => {
    handle.current = {
      focusPosition,
      reveal(reveal) {
        const at = latest.current.rows.indexOf(reveal.row);
        if (at >= 0) latest.current.virtualizer.scrollToIndex(at, { align: 'center' });
      },
    };
    return () => {
      handle.current = null;
    };
  }, [handle, focusPosition]);
  const select = useCallback((index: number) => simulation.getState().selectTrace(index), [simulation]);

  return (
    <div ref={scroller} className="pv-grid__body" role="rowgroup">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const index = rows[item.index]!;
          return (
            <TraceRowView
              key={item.key}
              table={table}
              index={index}
              position={item.index}
              start={item.start}
              selected={selectedRow === index}
              columns={columns}
              was={beforeByRow?.get(index)}
              onSelect={select}
              onFocusPosition={focusPosition}
            />
          );
        })}
      </div>
    </div>
  );
}

interface RowProps {
  readonly table: TraceTable;
  /** Table row. */
  readonly index: number;
  /** Position in the filtered, sorted list. */
  readonly position: number;
  readonly start: number;
  readonly selected: boolean;
  readonly columns: readonly Column[];
  readonly was: string | undefined;
  readonly onSelect: (index: number) => void;
  readonly onFocusPosition: (position: number) => void;
}

const TraceRowView = memo(function TraceRowView({ table, index, position, start, selected, columns, was, onSelect, onFocusPosition }: RowProps) {
  const row = traceRowAt(table, index);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(index);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      onFocusPosition(position + (e.key === 'ArrowDown' ? 1 : -1));
    }
  };
  const cells: Record<Column['key'], ReactNode> = {
    index: null,
    traceId: row.traceId,
    decision: (
      <>
        <span className={`pv-dot pv-dot--${row.decision}`} /> {DECISION_LABELS[row.decision]}
        {row.evicted ? ' (evicted)' : ''}
        {was !== undefined && <span className="pv-muted"> (was {DECISION_LABELS[was]})</span>}
      </>
    ),
    service: row.rootService,
    name: (
      <>
        {row.hasError && (
          <span className="pv-error-mark" title="has an error span" aria-label="has an error span">
            !
          </span>
        )}
        {row.rootName}
      </>
    ),
    duration: formatMs(row.durationMs),
    spans: formatCount(row.spanCount),
    exported: formatCount(row.exportedSpans),
    decidedBy: componentOf(row.decidedBy),
    sampledBy: row.sampledBy.join(', '),
  };
  const titles: Partial<Record<Column['key'], string>> = { traceId: row.traceId, name: row.rootName, decidedBy: row.decidedBy, sampledBy: row.sampledBy.join(', ') };
  return (
    <div
      role="row"
      aria-rowindex={position + 2}
      aria-selected={selected}
      tabIndex={0}
      className={`pv-grid__row pv-decision--${row.decision}${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(index)}
      onKeyDown={onKeyDown}
      data-position={position}
      data-testid="trace-row"
    >
      {columns.map((c) => (
        <span key={c.key} role="cell" className={c.className} title={titles[c.key] || undefined}>
          {cells[c.key]}
        </span>
      ))}
    </div>
  );
});
