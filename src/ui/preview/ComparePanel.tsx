/** Compare: the current result against the one before the last edits, over the same traces. */
import { useMemo } from 'react';
import { compareRuns } from '../../core/simulation/preview/compareRuns';
import { traceIdAt } from '../../core/simulation/traceTable';
import { useSimulation, useStores } from '../app/StoreContext';
import { DECISION_LABELS, formatCount, formatPercent } from './format';

export function ComparePanel() {
  const { simulation } = useStores();
  const current = useSimulation((s) => s.current);
  const previous = useSimulation((s) => s.previous);
  const diff = useMemo(() => (current && previous ? compareRuns({ summary: previous.result.summary, table: previous.table }, { summary: current.result.summary, table: current.table }, 200) : null), [current, previous]);
  if (!diff || !current) return null;
  const delta = (a: number, b: number) => `${b - a >= 0 ? '+' : ''}${formatCount(b - a)}`;
  return (
    <section className="pv-compare" aria-label="Compare with the previous config">
      <h3>Compared with the config before the last edits</h3>
      <p>
        Kept traces {formatCount(diff.keptBefore)} ({formatPercent(diff.keptBefore, diff.tracesBefore)}) → {formatCount(diff.keptAfter)} ({formatPercent(diff.keptAfter, diff.tracesAfter)}), {delta(diff.keptBefore, diff.keptAfter)}; exported spans {formatCount(diff.exportedSpansBefore)} → {formatCount(diff.exportedSpansAfter)}, {delta(diff.exportedSpansBefore, diff.exportedSpansAfter)}.
      </p>
      {diff.changed.length > 0 ? (
        <details>
          <summary>{diff.changed.length >= 200 ? 'At least 200' : formatCount(diff.changed.length)} traces changed decision</summary>
          <ul className="pv-changed">
            {diff.changed.map((c) => (
              <li key={c.row}>
                <button type="button" className="pv-link" onClick={() => simulation.getState().selectTrace(c.row)}>
                  {traceIdAt(current.table, c.row).slice(0, 16)}…
                </button>{' '}
                {DECISION_LABELS[c.before]} → {DECISION_LABELS[c.after]}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="pv-muted">No trace changed decision.</p>
      )}
    </section>
  );
}
