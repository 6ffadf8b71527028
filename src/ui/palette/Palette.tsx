/** Every component the selected distribution ships, grouped by kind and searchable. */
import { useDeferredValue, useMemo, useState } from 'react';
import { componentsOf, stabilitySummary, type CatalogEntry } from '../../core/catalog/catalog';
import type { ComponentKind, Signal } from '../../core/config/componentId';
import { useDocument, useStores } from '../app/StoreContext';
import { selectShownAnalysis } from '../../state/documentStore';
import { applyCanvasEdit } from '../canvas/applyCanvasEdit';
import { applyDropPlan, planDrop } from '../canvas/planDrop';
import { PALETTE_MIME } from '../canvas/useCanvasEditing';

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

/** Adds a palette entry without the mouse: to a chosen pipeline (`null`: just define it). */
function addEntry(document: ReturnType<typeof useStores>['document'], entry: CatalogEntry, pipeline: { id: string; signal: Signal | null } | null): void {
  const model = selectShownAnalysis(document.getState())?.model;
  const plan = planDrop({
    kind: entry.kind,
    type: entry.type,
    signals: entry.signals,
    definedIds: (model?.components ?? []).filter((c) => c.kind === entry.kind).map((c) => c.id),
    lane: pipeline ? { pipelineId: pipeline.id, signal: pipeline.signal, processorXs: [] } : null,
  });
  applyCanvasEdit(document, (text) => applyDropPlan(text, plan), plan.message);
}

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

  return (
    <aside className="palette" aria-label="Component palette">
      <div className="palette__search">
        <input type="search" placeholder="Search components…" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search components" />
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
                    aria-label={`${entry.kind} ${entry.type}: drag onto the canvas, or press Enter to add`}
                    aria-expanded={adding === `${entry.kind}:${entry.type}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, JSON.stringify({ kind: entry.kind, type: entry.type }));
                      e.dataTransfer.setData('text/plain', entry.type);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onKeyDown={(e) => {
                      if (e.key !== 'Enter' && e.key !== ' ') return;
                      e.preventDefault();
                      setAdding((a) => (a === `${entry.kind}:${entry.type}` ? null : `${entry.kind}:${entry.type}`));
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
                  {adding === `${entry.kind}:${entry.type}` && (
                    <div className="palette__add" role="group" aria-label={`Add ${entry.type} to`}>
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
                      <button type="button" onClick={() => setAdding(null)}>
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
