/**
 * The Compare tab: the current config against the one before the last edits, or against a kept
 * baseline, over the same traces: kept share, exported volume, per-policy hits, and the traces
 * whose decision changed (each opens in the Traces tab's trace view).
 */
import { traceIdAt } from '../../core/simulation/traceTable';
import { useSimulation, useStores } from '../app/StoreContext';
import { useBottomTabs } from '../panels/useBottomTabs';
import { DECISION_LABELS, formatCount, formatPercent } from './format';
import { PreviewNotice } from './PreviewNotice';
import { useComparison } from './useComparison';

/** How many changed traces are listed here; all of them are in the trace list. */
const LISTED = 50;

function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatCount(Math.abs(n))}`;
}

function points(before: number, beforeOf: number, after: number, afterOf: number): string {
  const d = (afterOf ? (100 * after) / afterOf : 0) - (beforeOf ? (100 * before) / beforeOf : 0);
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d).toFixed(1)} points`;
}

export function ComparePanel() {
  const { simulation } = useStores();
  const tabs = useBottomTabs();
  const current = useSimulation((s) => s.current);
  const baseline = useSimulation((s) => s.baseline);
  const canKeep = useSimulation((s) => s.config !== null && s.config.blocking.length === 0);
  const view = useComparison();
  const c = view.comparison;

  const showChanged = () => {
    tabs.showChanged();
  };

  return (
    <div className="pv-compare">
      <PreviewNotice />
      <div className="pv-compare__bar" role="group" aria-label="What to compare">
        <label className="pv-field pv-field--inline" htmlFor="pv-compare-with">
          <span id="pv-compare-with-label">Compare the current config with</span>
          <select id="pv-compare-with" aria-labelledby="pv-compare-with-label" value={view.target} onChange={(e) => simulation.getState().setCompareWith(e.target.value as 'previous' | 'baseline')}>
            <option value="previous">the config before the last edits</option>
            <option value="baseline" disabled={!baseline}>
              {baseline ? `the kept baseline (${baseline.label})` : 'a kept baseline (none kept yet)'}
            </option>
          </select>
        </label>
        <button type="button" className="pv-button" disabled={!canKeep} onClick={() => simulation.getState().keepAsBaseline()} title="Keep the current config as a variant to compare later edits against">
          {baseline ? 'Keep current config as the baseline instead' : 'Keep current config as baseline'}
        </button>
        {baseline && (
          <button type="button" className="pv-button" onClick={() => simulation.getState().clearBaseline()}>
            Forget the baseline
          </button>
        )}
      </div>
      {!c || !current ? (
        <p className="pv-muted pv-empty">{view.why}</p>
      ) : (
        <section aria-label={`Compared with ${view.label}`}>
          <div className="pv-kpis">
            <div className="pv-kpi" data-testid="compare-kept">
              <span className="pv-kpi__label">Traces kept</span>
              <span className="pv-kpi__value">
                {formatPercent(c.keptBefore, c.tracesBefore)} → {formatPercent(c.keptAfter, c.tracesAfter)}
              </span>
              <span className="pv-kpi__label">
                {formatCount(c.keptBefore)} → {formatCount(c.keptAfter)} of {formatCount(c.tracesAfter)} ({signed(c.keptAfter - c.keptBefore)}, {points(c.keptBefore, c.tracesBefore, c.keptAfter, c.tracesAfter)})
              </span>
            </div>
            <div className="pv-kpi" data-testid="compare-volume">
              <span className="pv-kpi__label">Spans exported</span>
              <span className="pv-kpi__value">
                {formatCount(c.exportedSpansBefore)} → {formatCount(c.exportedSpansAfter)}
              </span>
              <span className="pv-kpi__label">
                {signed(c.exportedSpansAfter - c.exportedSpansBefore)}
                {c.exportedSpansBefore > 0 ? ` (${c.exportedSpansAfter >= c.exportedSpansBefore ? '+' : '−'}${formatPercent(Math.abs(c.exportedSpansAfter - c.exportedSpansBefore), c.exportedSpansBefore)})` : ''}
              </span>
            </div>
          </div>
          {c.policies.length > 0 && (
            <table className="pv-table" aria-label="Traces sampled per policy, compared">
              <thead>
                <tr>
                  <th scope="col">Policy</th>
                  <th scope="col">{view.target === 'baseline' ? 'Sampled by the baseline' : 'Sampled before the edits'}</th>
                  <th scope="col">Sampled now</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {c.policies.map((p) => (
                  <tr key={p.policy}>
                    <td>{p.policy}</td>
                    <td>{p.before === null ? 'not in that config' : formatCount(p.before)}</td>
                    <td>{p.after === null ? 'removed' : formatCount(p.after)}</td>
                    <td>{signed((p.after ?? 0) - (p.before ?? 0))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 className="pv-compare__heading">
            {c.changed.length === 0 ? 'No trace changed decision.' : `${formatCount(c.changed.length)} ${c.changed.length === 1 ? 'trace' : 'traces'} changed decision`}
          </h3>
          {c.changed.length > 0 && (
            <>
              <p className="pv-compare__transitions">
                {c.transitions.map((t) => `${DECISION_LABELS[t.before]} → ${DECISION_LABELS[t.after]}: ${formatCount(t.traces)}`).join(' · ')}{' '}
                <button type="button" className="pv-button" onClick={showChanged}>
                  Show {c.changed.length === 1 ? 'it' : `all ${formatCount(c.changed.length)}`} in the trace list
                </button>
              </p>
              <ul className="pv-changed" aria-label="Traces whose decision changed">
                {c.changed.slice(0, LISTED).map((t) => {
                  const id = traceIdAt(current.table, t.row);
                  return (
                    <li key={t.row}>
                      <button type="button" className="pv-link" onClick={() => tabs.openTrace(t.row, { changedOnly: true })} aria-label={`Open trace ${id}: ${DECISION_LABELS[t.before]} before, ${DECISION_LABELS[t.after]} now`} title={id}>
                        {id.slice(0, 16)}…
                      </button>{' '}
                      <span className={`pv-dot pv-dot--${t.before}`} /> {DECISION_LABELS[t.before]} → <span className={`pv-dot pv-dot--${t.after}`} /> {DECISION_LABELS[t.after]}
                    </li>
                  );
                })}
              </ul>
              {c.changed.length > LISTED && <p className="pv-muted">The first {LISTED} are listed here; the trace list shows all of them.</p>}
            </>
          )}
        </section>
      )}
    </div>
  );
}
