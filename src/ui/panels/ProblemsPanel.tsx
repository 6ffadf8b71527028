/** Every problem at once, filterable by severity; a click jumps to the line and the node. */
import { useMemo, useState } from 'react';
import type { Diagnostic, Severity } from '../../core/diagnostics/diagnostic';
import { useDocument, useStores } from '../app/StoreContext';

const EMPTY: readonly Diagnostic[] = [];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function ProblemsPanel() {
  const { ui } = useStores();
  const diagnostics = useDocument((s) => s.analysis?.diagnostics ?? EMPTY);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const d of diagnostics) c[d.severity]++;
    return c;
  }, [diagnostics]);
  const rows = diagnostics.filter((d) => shown[d.severity]);

  return (
    <div className="problems">
      <div className="problems__filters" role="group" aria-label="Filter problems by severity">
        {SEVERITIES.map((s) => (
          <button key={s} type="button" className={`chip chip--${s}`} aria-pressed={shown[s]} onClick={() => setShown((v) => ({ ...v, [s]: !v[s] }))}>
            {counts[s]} {s === 'error' ? 'errors' : s === 'warning' ? 'warnings' : 'info'}
          </button>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="problems__none">{diagnostics.length === 0 ? 'No problems found.' : 'No problems match the filter.'}</p>
      ) : (
        <ul className="problems__list" aria-label="Problems">
          {rows.map((d, i) => (
            <li key={`${d.code}:${d.range?.start.offset ?? -1}:${i}`}>
              <button
                type="button"
                className={`problem problem--${d.severity}`}
                onClick={() => {
                  if (d.range) ui.getState().revealRange(d.range);
                }}
              >
                <span className={`problem__severity problem__severity--${d.severity}`}>{d.severity}</span>
                <span className="problem__message">{d.message}</span>
                {d.origin === 'studio' && <span className="problem__origin">advice</span>}
                {d.componentId && <span className="problem__component">{d.componentId}</span>}
                <span className="problem__where">{d.range ? `line ${d.range.start.line}:${d.range.start.column}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
