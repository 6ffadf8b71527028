/** One trace: why it was kept or not (each policy's verdict with the value it judged), a virtualised waterfall, and the selected span's details. */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { waterfallLayout } from '../../core/simulation/preview/waterfallLayout';
import type { TraceDetail } from '../../core/simulation/preview/traceDetail';
import { useSimulation, useStores } from '../app/StoreContext';
import { componentOf, DECISION_LABELS, formatCount, formatMs, VERDICT_LABELS } from './format';
import { SpanDetails } from './SpanDetails';

const ROW = 22;
/** Rows drawn before the waterfall's height is known (a tall panel shows about this many). */
const INITIAL_RECT: Rect = { width: 0, height: 30 * ROW };

/**
 * The scroller's size from a ResizeObserver only. The library's default also reads
 * `getBoundingClientRect()` while mounting, which forces a layout of the freshly inserted
 * waterfall (~19 ms for a 10,000-span trace); the observer reports it after the browser's own layout.
 */
function observeRect(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const observer = new ResizeObserver((entries) => {
    const box = entries[0]?.borderBoxSize?.[0];
    if (box) cb({ width: box.inlineSize, height: box.blockSize });
    else if (entries[0]) cb({ width: entries[0].contentRect.width, height: entries[0].contentRect.height });
  });
  observer.observe(element, { box: 'border-box' });
  return () => observer.disconnect();
}

function decisionSentence(t: TraceDetail): string {
  const decidedBy = componentOf(t.decidedBy) || null;
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

export interface TraceViewProps {
  /** Changes when focus should move here (the trace was opened from Compare). */
  readonly focusKey?: number | null;
  readonly onClose?: () => void;
  /** Its decision in the compared run, when that differs from the current one. */
  readonly before?: string | null;
  readonly comparedWith?: string;
  /** A visible label for the close button (when the trace view takes the whole panel), or null for ×. */
  readonly closeLabel?: string | null;
}

export function TraceView({ focusKey = null, onClose, before = null, comparedWith, closeLabel = null }: TraceViewProps) {
  const { simulation } = useStores();
  const arrived = useSimulation((s) => s.trace);
  // Deferred: when a large trace arrives, the "Loading…" state stays on screen while its view
  // (layout of every span, the waterfall) renders in the background (issue #7: open in < 1 s,
  // no long task).
  const trace = useDeferredValue(arrived);
  const loading = useSimulation((s) => s.traceLoading) || (arrived !== null && trace !== arrived);
  const [selectedSpan, setSelectedSpan] = useState(0);
  const rows = useMemo(() => (trace ? waterfallLayout(trace.spans) : []), [trace]);
  const scroller = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 16,
    initialRect: INITIAL_RECT,
    observeElementRect: observeRect,
    useFlushSync: false,
  });
  const close = onClose ?? (() => simulation.getState().selectTrace(null));

  useEffect(() => {
    if (focusKey !== null) section.current?.focus();
  }, [focusKey]);

  const sectionProps = {
    ref: section,
    className: 'pv-trace',
    'aria-label': 'Trace view',
    tabIndex: -1,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    },
  };
  const closeButton = closeLabel ? (
    <button type="button" className="pv-button pv-back" onClick={close} title="Back to the trace list (Esc)">
      {closeLabel}
    </button>
  ) : (
    <button type="button" className="pv-button pv-close" aria-label="Close trace view" title="Close (Esc)" onClick={close}>
      ×
    </button>
  );
  if (!trace) {
    return (
      <section {...sectionProps}>
        <header className="pv-trace__head">
          {closeLabel && closeButton}
          <span className="pv-muted">{loading ? 'Loading the trace…' : 'This trace is not available.'}</span>
          {!closeLabel && closeButton}
        </header>
      </section>
    );
  }
  const span = trace.spans[selectedSpan] ?? trace.spans[0];
  return (
    <section {...sectionProps}>
      <header className="pv-trace__head">
        {closeLabel && closeButton}
        <span className={`pv-dot pv-dot--${trace.decision}`} />
        <strong className="pv-trace__decision" data-testid="trace-decision">{DECISION_LABELS[trace.decision]}</strong>
        <code className="pv-trace__id" title={trace.traceId} data-testid="trace-id">{trace.traceId}</code>
        <span className="pv-muted pv-trace__size">
          {formatCount(trace.spans.length)} spans · {formatMs(trace.durationMs)}
          {trace.lateSpans ? ` · ${trace.lateSpans} late spans` : ''}
        </span>
        {!closeLabel && closeButton}
      </header>
      <div className="pv-trace__why" role="group" aria-label="Why this decision">
        {before !== null && (
          <p className="pv-trace__changed" data-testid="trace-changed">
            Decision changed: {DECISION_LABELS[before]} with {comparedWith ?? 'the compared config'}, {DECISION_LABELS[trace.decision]} now.
          </p>
        )}
        <p data-testid="trace-reason">{decisionSentence(trace)}</p>
        {trace.policies.length > 0 && (
          <ol className="pv-verdicts" aria-label="Policy verdicts">
            {trace.policies.map((p, i) => (
              <li key={`${i}:${p.policy}`} className={`pv-verdict pv-verdict--${p.verdict}`}>
                <span className="pv-verdict__policy">{p.policy}</span>
                <span className="pv-verdict__verdict">{VERDICT_LABELS[p.verdict] ?? p.verdict}</span>
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
                  </span>
                  <span className="pv-wf-time">
                    +{formatMs(s.startMs)} · {formatMs(s.durationMs)}
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
