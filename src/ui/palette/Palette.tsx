/** Every component the selected distribution ships, grouped by kind and searchable. */
import { useDeferredValue, useMemo, useState } from 'react';
import { componentsOf, stabilitySummary, type CatalogEntry } from '../../core/catalog/catalog';
import type { ComponentKind } from '../../core/config/componentId';
import { useDocument } from '../app/StoreContext';

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

export function Palette() {
  const distribution = useDocument((s) => s.distribution);
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
