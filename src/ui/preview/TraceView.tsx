/** One trace: why it was kept or not (each policy's verdict with the value it judged), a virtualised waterfall, and the selected span's details. */
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { waterfallLayout } from '../../core/simulation/preview/waterfallLayout';
import type { TraceDetail } from '../../core/simulation/preview/traceDetail';
import { useSimulation, useStores } from '../app/StoreContext';
import { DECISION_LABELS, formatCount, formatMs } from './format';
import { SpanDetails } from './SpanDetails';

const ROW = 22;

/** `lane:traces:processors:tail_sampling` → `tail_sampling` (the engine names samplers by node key). */
function componentOf(key: string | null): string | null {
  return key === null ? null : key.slice(key.lastIndexOf(':') + 1);
}

function decisionSentence(t: TraceDetail): string {
  const decidedBy = componentOf(t.decidedBy);
  const sampledBy = t.policies.filter((p) => p.verdict === 'Sampled').map((p) => p.policy);
  if (t.evicted) return 'Evicted before a decision: num_traces was full, so the oldest trace was dropped undecided.';
  if (t.policies.length === 0) {
    if (t.decision === 'sampled') return `Kept: no sampler decided on it, and ${formatCount(t.exportedSpans)} of its spans reached an exporter.`;
    return `Not kept${decidedBy ? `: its spans stopped at ${decidedBy}` : ''}.`;
  }
  if (t.decision === 'sampled') return `Sampled by ${decidedBy ?? 'the tail sampler'}: ${sampledBy.length ? `policy ${sampledBy.join(', ')} matched` : 'an inverted policy matched'}.`;
  if (t.decision === 'dropped') return `Dropped by ${decidedBy ?? 'the tail sampler'}: a drop policy matched.`;
  return `Not sampled by ${decidedBy ?? 'the tail sampler'}: no policy matched.`;
}

export function TraceView() {
  const { simulation } = useStores();
  const trace = useSimulation((s) => s.trace);
  const loading = useSimulation((s) => s.traceLoading);
  const [selectedSpan, setSelectedSpan] = useState(0);
  const rows = useMemo(() => (trace ? waterfallLayout(trace.spans) : []), [trace]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 16 });

  const close = (
    <button type="button" className="pv-button pv-close" aria-label="Close trace view" onClick={() => simulation.getState().selectTrace(null)}>
      ×
    </button>
  );
  if (!trace) {
    return (
      <section className="pv-trace" aria-label="Trace view">
        <header className="pv-trace__head">
          <span className="pv-muted">{loading ? 'Loading the trace…' : 'This trace is not available.'}</span>
          {close}
        </header>
      </section>
    );
  }
  const span = trace.spans[selectedSpan] ?? trace.spans[0];
  return (
    <section className="pv-trace" aria-label="Trace view">
      <header className="pv-trace__head">
        <span className={`pv-dot pv-dot--${trace.decision}`} />
        <strong data-testid="trace-decision">{DECISION_LABELS[trace.decision]}</strong>
        <code className="pv-trace__id">{trace.traceId}</code>
        <span className="pv-muted">
          {formatCount(trace.spans.length)} spans · {formatMs(trace.durationMs)}
          {trace.lateSpans ? ` · ${trace.lateSpans} late spans` : ''}
        </span>
        {close}
      </header>
      <div className="pv-trace__why" aria-label="Why this decision">
        <p data-testid="trace-reason">{decisionSentence(trace)}</p>
        {trace.policies.length > 0 && (
          <ol className="pv-verdicts" aria-label="Policy verdicts">
            {trace.policies.map((p) => (
              <li key={p.policy} className={`pv-verdict pv-verdict--${p.verdict}`}>
                <span className="pv-verdict__policy">{p.policy}</span>
                <span className="pv-verdict__verdict">{p.verdict}</span>
                <span className="pv-verdict__detail">{p.detail}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="pv-trace__body">
        <div ref={scroller} className="pv-waterfall" role="tree" aria-label="Spans">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              const s = trace.spans[row.span]!;
              const error = s.status.code === 'STATUS_CODE_ERROR';
              return (
                <div
                  key={item.key}
                  role="treeitem"
                  aria-level={row.depth + 1}
                  aria-selected={selectedSpan === row.span}
                  tabIndex={0}
                  className={`pv-wf-row${selectedSpan === row.span ? ' is-selected' : ''}${error ? ' is-error' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW }}
                  onClick={() => setSelectedSpan(row.span)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      setSelectedSpan(row.span);
                    }
                  }}
                >
                  <span className="pv-wf-label" style={{ paddingLeft: 4 + Math.min(row.depth, 24) * 10 }} title={`${s.service} ${s.name}`}>
                    <span className="pv-wf-service">{s.service}</span> {s.name}
                  </span>
                  <span className="pv-wf-track">
                    <span className="pv-wf-bar" style={{ left: `${row.left * 100}%`, width: `max(2px, ${row.width * 100}%)` }} />
                    <span className="pv-wf-time">
                      +{formatMs(s.startMs)} · {formatMs(s.durationMs)}
                    </span>
                  </span>
                </div>
              );
            })}
          </div>
        </div>
        {span && <SpanDetails span={span} resource={trace.resources[span.resource]} />}
      </div>
    </section>
  );
}
