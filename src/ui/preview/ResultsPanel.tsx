/** The Results tab: kept share, per-policy hits, decision split, late and evicted traces, components the engine rejected, charts, and a link to Compare. */
import { useDeferredValue, useMemo } from 'react';
import { keptByService, keptByStatus, latencyHistogram, stageVolumes } from '../../core/simulation/preview/resultCharts';
import { useSimulation } from '../app/StoreContext';
import { useBottomTabs } from '../panels/useBottomTabs';
import { BarChart, type BarSeries } from './BarChart';
import { formatCount, formatMs, formatPercent } from './format';
import { PreviewNotice } from './PreviewNotice';
import { RunIssues } from './RunIssues';
import { useComparison } from './useComparison';

/** One line under the numbers: how they moved against the compared run, and the way to Compare. */
function CompareLink() {
  const tabs = useBottomTabs();
  const { comparison, label } = useComparison();
  return (
    <p className="pv-compare-link">
      {comparison
        ? `Against ${label}: traces kept ${formatPercent(comparison.keptBefore, comparison.tracesBefore)} → ${formatPercent(comparison.keptAfter, comparison.tracesAfter)}, ${formatCount(comparison.changed.length)} traces changed decision. `
        : 'Compare this config with the one before your edits, or with a baseline you keep. '}
      <button type="button" className="pv-button" onClick={() => tabs.open('compare')}>
        Open Compare
      </button>
    </p>
  );
}

const percentTick = (v: number) => `${Math.round(v * 100)}%`;

export function ResultsPanel() {
  // Deferred: the charts for a new result render after the run's end has painted (issue #7).
  const current = useDeferredValue(useSimulation((s) => s.current));
  const stale = useSimulation((s) => s.stale);
  const charts = useMemo(() => {
    if (!current) return null;
    const { result, table } = current;
    const stages = stageVolumes(result.summary, result.nodes);
    const services = keptByService(table).slice(0, 8);
    const status = keptByStatus(table);
    const latency = latencyHistogram(table);
    const share = (rows: { traces: number; kept: number }[]) => rows.map((r) => (r.traces ? r.kept / r.traces : 0));
    return {
      stages,
      volume: { categories: stages.map((s) => s.label), series: [{ label: 'spans', values: stages.map((s) => s.spans), color: '--accent-ui' }] as BarSeries[] },
      byService: { categories: services.map((s) => s.label), series: [{ label: 'kept share', values: share(services), color: '--info' }] as BarSeries[] },
      byStatus: { categories: status.map((s) => `${s.label} (${s.traces})`), series: [{ label: 'kept share', values: share(status), color: '--warning' }] as BarSeries[] },
      latency: {
        categories: latency.bucketMs.map((b) => `≤${formatMs(b).replace(' ', '')}`),
        series: [
          { label: 'kept', values: latency.kept, color: '--accent-ui' },
          { label: 'not kept', values: latency.notKept, color: '--muted' },
        ] as BarSeries[],
      },
    };
  }, [current]);

  if (!current || !charts) return <PreviewNotice empty="The preview has not run yet." />;
  const s = current.result.summary;
  const policies = current.result.policies;
  return (
    <div className={`pv-results${stale ? ' is-stale' : ''}`}>
      <PreviewNotice />
      <RunIssues issues={current.result.issues} />
      <div className="pv-kpis">
        <div className="pv-kpi" data-testid="kept-traces">
          <span className="pv-kpi__value">{formatPercent(s.sampledTraces, s.inputTraces)}</span>
          <span className="pv-kpi__label">
            of traces kept: <strong data-testid="kept-trace-count">{formatCount(s.sampledTraces)}</strong> of {formatCount(s.inputTraces)}
          </span>
        </div>
        <div className="pv-kpi">
          <span className="pv-kpi__value">{formatPercent(s.exportedSpans, s.inputSpans)}</span>
          <span className="pv-kpi__label">
            of spans exported: {formatCount(s.exportedSpans)} of {formatCount(s.inputSpans)}
          </span>
        </div>
        <div className="pv-kpi">
          <span className="pv-kpi__label">Decisions</span>
          <span className="pv-split" data-testid="decision-split">
            <span className="pv-dot pv-dot--sampled" /> sampled {formatCount(s.sampledTraces)} <span className="pv-dot pv-dot--not_sampled" /> not sampled {formatCount(s.notSampledTraces)} <span className="pv-dot pv-dot--dropped" /> dropped {formatCount(s.droppedTraces)}
          </span>
        </div>
        {charts.stages.length > 2 && (
          <div className="pv-kpi">
            <span className="pv-kpi__label">Stages</span>
            <span className="pv-stages">{charts.stages.map((st) => `${st.label} ${formatCount(st.spans)}`).join(' → ')}</span>
          </div>
        )}
      </div>
      {(s.lateSpans > 0 || s.evictedTraces > 0) && (
        <p className="pv-warning" role="note">
          {s.lateSpans > 0 && `${formatCount(s.lateSpans)} spans arrived after their trace was decided: decision_wait is shorter than these traces take to arrive, so their late spans follow the cached decision. `}
          {s.evictedTraces > 0 && `${formatCount(s.evictedTraces)} traces were evicted before a decision: num_traces is smaller than traces per second × decision_wait, so the oldest traces were dropped undecided.`}
        </p>
      )}
      {s.notSimulated.length > 0 && <p className="pv-muted">Not simulated (data passed through unchanged): {s.notSimulated.join(', ')}</p>}
      {policies.length > 0 && (
        <table className="pv-table pv-policies" aria-label="Policies">
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Traces matched</th>
              <th scope="col">Decided alone</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <tr key={`${p.samplerId}/${p.policy}`}>
                <td>{p.policy}</td>
                <td>{formatCount(p.matched)}</td>
                <td>{formatCount(p.decidedAlone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pv-charts">
        <BarChart title="Volume: spans in → exported" {...charts.volume} />
        <BarChart title="Kept share by root service" {...charts.byService} yFormat={percentTick} yMax={1} />
        <BarChart title="Kept share by status" {...charts.byStatus} yFormat={percentTick} yMax={1} />
        <BarChart title="Trace duration: kept vs not kept" {...charts.latency} />
      </div>
      <CompareLink />
    </div>
  );
}
