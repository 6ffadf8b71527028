/** Every component the selected distribution ships, grouped by kind and searchable. */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { componentsOf, stabilitySummary, type CatalogEntry } from '../../core/catalog/catalog';
import type { ComponentKind, Signal } from '../../core/config/componentId';
import { useDocument, useStores } from '../app/StoreContext';
import { selectShownAnalysis } from '../../state/documentStore';
import { applyCanvasEdit } from '../canvas/applyCanvasEdit';
import { requestNodeFocus } from '../canvas/canvasFocus';
import { planDrop, type DropPlan } from '../canvas/planDrop';
import { UNPLACED_PREFIX } from '../canvas/unplacedNodes';
import { PALETTE_MIME } from '../canvas/useCanvasEditing';
import { laneNodeKey } from '../../core/graph/buildGraph';

const GROUPS: { kind: ComponentKind; title: string }[] = [
  { kind: 'receiver', title: 'Receivers' },
  { kind: 'processor', title: 'Processors' },
  { kind: 'exporter', title: 'Exporters' },
  { kind: 'connector', title: 'Connectors' },
  { kind: 'extension', title: 'Extensions' },
];

function matches(entry: CatalogEntry, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return (
    entry.type.includes(q) ||
    entry.deprecatedTypes.some((t) => t.includes(q)) ||
    entry.displayName.toLowerCase().includes(q) ||
    entry.description.toLowerCase().includes(q)
  );
}

function signalsOf(entry: CatalogEntry): string[] {
  if (entry.kind === 'connector') return entry.signalPairs.map((p) => p.replace('_to_', '→'));
  return [...entry.signals];
}

/** The canvas node a planned add ends up as, for the keyboard focus to follow it; null when it gets none (extensions). */
function nodeKeyOf(plan: DropPlan): string | null {
  if (plan.join) return laneNodeKey(plan.join.pipelineId, plan.join.role, plan.id);
  return plan.kind === 'extension' ? null : `${UNPLACED_PREFIX}${plan.kind}:${plan.id}`;
}

/** Adds a palette entry without the mouse: to a chosen pipeline (`null`: just define it); the focus moves to its node. */
function addEntry(document: ReturnType<typeof useStores>['document'], entry: CatalogEntry, pipeline: { id: string; signal: Signal | null } | null): void {
  const model = selectShownAnalysis(document.getState())?.model;
  const plan = planDrop({
    kind: entry.kind,
    type: entry.type,
    signals: entry.signals,
    definedIds: (model?.components ?? []).filter((c) => c.kind === entry.kind).map((c) => c.id),
    lane: pipeline ? { pipelineId: pipeline.id, signal: pipeline.signal, processorXs: [] } : null,
  });
  if (!applyCanvasEdit(document, (text, edits) => edits.applyDropPlan(text, plan), plan.message).ok) return;
  const key = nodeKeyOf(plan);
  if (key) requestNodeFocus(key);
}

const entryKey = (entry: CatalogEntry) => `${entry.kind}:${entry.type}`;

export function Palette() {
  const { document } = useStores();
  const distribution = useDocument((s) => s.distribution);
  const pipelines = useDocument((s) => selectShownAnalysis(s)?.model.pipelines);
  const [adding, setAdding] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const groups = useMemo(
    () => GROUPS.map((g) => ({ ...g, entries: componentsOf(distribution, g.kind).filter((e) => matches(e, deferred)) })),
    [distribution, deferred],
  );
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  const root = useRef<HTMLElement>(null);
  // When an entry's "Add to …" choices open, the keyboard focus moves into them.
  useEffect(() => {
    if (adding) root.current?.querySelector<HTMLButtonElement>(`[data-add-for="${CSS.escape(adding)}"] button`)?.focus();
  }, [adding]);
  const focusEntry = (key: string) => root.current?.querySelector<HTMLElement>(`[data-entry="${CSS.escape(key)}"]`)?.focus();
  const close = (key: string) => {
    setAdding(null);
    focusEntry(key);
  };
  // Enter in the search box opens the first match, as if it had been picked; ↓ goes to the list.
  const onSearchKey = (event: KeyboardEvent) => {
    // From the query as typed, not the deferred list, which may still show the previous one.
    const q = query.trim();
    const first = GROUPS.map((g) => componentsOf(distribution, g.kind).find((e) => matches(e, q))).find((e) => e !== undefined);
    if (!first) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      setAdding(entryKey(first));
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusEntry(entryKey(first));
    }
  };

  return (
    <aside className="palette" aria-label="Component palette" ref={root}>
      <div className="palette__search">
        <input
          type="search"
          placeholder="Search components…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          aria-label="Search components"
          aria-keyshortcuts="Enter ArrowDown"
          aria-describedby="palette-search-hint"
        />
        <span id="palette-search-hint" className="palette__hint">
          Enter adds the first match; ↓ goes to the list.
        </span>
        <span className="palette__count" aria-live="polite">
          {total} components
        </span>
      </div>
      <div className="palette__groups">
        {groups.map((group) => (
          <details key={group.kind} open={deferred !== '' || group.kind === 'receiver' || group.kind === 'processor'} className="palette__group">
            <summary>
              {group.title} <span className="palette__group-count">{group.entries.length}</span>
            </summary>
            <ul>
              {group.entries.map((entry) => (
                <li key={entry.type} className="palette__item" title={entry.description}>
                  <div
                    className="palette__drag"
                    role="button"
                    tabIndex={0}
                    draggable
                    data-testid={`palette-${entry.kind}-${entry.type}`}
                    data-entry={entryKey(entry)}
                    aria-label={`${entry.kind} ${entry.type}: drag onto the canvas, or press Enter to add`}
                    aria-expanded={adding === entryKey(entry)}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, JSON.stringify({ kind: entry.kind, type: entry.type }));
                      e.dataTransfer.setData('text/plain', entry.type);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onKeyDown={(e) => {
                      if (e.key !== 'Enter' && e.key !== ' ') return;
                      e.preventDefault();
                      setAdding((a) => (a === entryKey(entry) ? null : entryKey(entry)));
                    }}
                  >
                  <span className="palette__item-head">
                    <span className="palette__type">{entry.type}</span>
                    <span className={`stability stability--${stabilitySummary(entry).split(',')[0]}`}>{stabilitySummary(entry)}</span>
                  </span>
                  <span className="palette__name">{entry.displayName}</span>
                  {signalsOf(entry).length > 0 && (
                    <span className="palette__signals">
                      {signalsOf(entry).map((s) => (
                        <span key={s} className={`signal-chip signal-chip--${s.split('→')[0]}`}>
                          {s}
                        </span>
                      ))}
                    </span>
                  )}
                  </div>
                  {adding === entryKey(entry) && (
                    <div
                      className="palette__add"
                      role="group"
                      aria-label={`Add ${entry.type} to`}
                      data-add-for={entryKey(entry)}
                      onKeyDown={(e) => {
                        if (e.key !== 'Escape') return;
                        e.preventDefault();
                        close(entryKey(entry));
                      }}
                    >
                      {(entry.kind === 'receiver' || entry.kind === 'processor' || entry.kind === 'exporter') &&
                        (pipelines ?? [])
                          .filter((p) => entry.signals.length === 0 || p.signal === null || entry.signals.includes(p.signal))
                          .map((p) => (
                            <button
                              key={p.id}
                              type="button"
                              onClick={() => {
                                addEntry(document, entry, { id: p.id, signal: p.signal });
                                setAdding(null);
                              }}
                            >
                              Add to {p.id}
                            </button>
                          ))}
                      <button
                        type="button"
                        onClick={() => {
                          addEntry(document, entry, null);
                          setAdding(null);
                        }}
                      >
                        Just define it
                      </button>
                      <button type="button" onClick={() => close(entryKey(entry))}>
                        Cancel
                      </button>
                    </div>
                  )}
                </li>
              ))}
              {group.entries.length === 0 && <li className="palette__none">No match</li>}
            </ul>
          </details>
        ))}
      </div>
    </aside>
  );
}
