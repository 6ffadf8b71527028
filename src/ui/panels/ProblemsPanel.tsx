/**
 * Every problem at once, filterable by severity. A click jumps to the line and highlights the
 * node; quick fixes apply as one edit; Collector errors and our advice look different.
 * Beside them, the environment variables the config uses, with sample values.
 */
import { useMemo, useState } from 'react';
import type { Diagnostic, QuickFix, Severity } from '../../core/diagnostics/diagnostic';
import { applyTextEdits } from '../../core/diagnostics/applyTextEdits';
import { useDocument, useStores } from '../app/StoreContext';
import { EnvironmentPanel } from './EnvironmentPanel';

const EMPTY: readonly Diagnostic[] = [];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const LABEL: Record<Severity, readonly [one: string, many: string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info'] };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const MAX_ROWS = 300;

export function ProblemsPanel() {
  const { ui, document } = useStores();
  const diagnostics = useDocument((s) => (s.analysis && s.analysisVersion === s.version ? s.analysis.diagnostics : (s.analysis?.diagnostics ?? EMPTY)));
  const current = useDocument((s) => s.analysisVersion === s.version);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const d of diagnostics) c[d.severity]++;
    return c;
  }, [diagnostics]);
  // Errors first; a huge config can produce tens of thousands of rows, so only the first
  // MAX_ROWS are rendered (the counts above stay exact).
  const matching = useMemo(() => diagnostics.filter((d) => shown[d.severity]).sort((a, b) => RANK[a.severity] - RANK[b.severity]), [diagnostics, shown]);
  const rows = matching.slice(0, MAX_ROWS);

  const reveal = (d: Diagnostic) => {
    if (d.range) ui.getState().revealRange(d.range);
    if (d.componentId) ui.getState().setHighlight({ componentId: d.componentId, kind: null, pipelineId: d.pipelineId ?? null });
    else if (d.pipelineId) ui.getState().setHighlight({ componentId: null, kind: null, pipelineId: d.pipelineId });
  };

  const applyFix = (fix: QuickFix) => {
    const state = document.getState();
    if (!current) {
      setMessage('The text changed since this fix was computed; try again in a moment.');
      return;
    }
    const result = applyTextEdits(state.text, fix.edits);
    if (!result.ok) {
      setMessage(`Could not apply “${fix.title}”: ${result.reason}.`);
      return;
    }
    state.setText(result.text, 'fix');
    setMessage(`Applied: ${fix.title}`);
  };

  return (
    <div className="problems-layout">
      <div className="problems">
        <div className="problems__filters" role="group" aria-label="Filter problems by severity">
          {SEVERITIES.map((s) => (
            <button key={s} type="button" className={`chip chip--${s}`} aria-pressed={shown[s]} onClick={() => setShown((v) => ({ ...v, [s]: !v[s] }))}>
              {counts[s]} {LABEL[s][counts[s] === 1 ? 0 : 1]}
            </button>
          ))}
          <span className="problems__legend">
            <span className="problem__origin problem__origin--collector">otelcol</span> the Collector would report it ·{' '}
            <span className="problem__origin">advice</span> Pipeline Studio best practice
          </span>
          {message && (
            <span className="problems__message" role="status">
              {message}
            </span>
          )}
        </div>
        {rows.length === 0 ? (
          <p className="problems__none">{diagnostics.length === 0 ? 'No problems found.' : 'No problems match the filter.'}</p>
        ) : (
          <ul className="problems__list" aria-label="Problems">
            {rows.map((d, i) => (
              <li key={`${d.code}:${d.range?.start.offset ?? -1}:${i}`} className={`problem-row problem-row--${d.origin}`}>
                <div className="problem">
                  <button type="button" className="problem__main" onClick={() => reveal(d)} aria-label={`${d.severity}: ${d.message}${d.range ? `, line ${d.range.start.line}` : ''}`}>
                    <span className={`problem__severity problem__severity--${d.severity}`}>{d.severity}</span>
                    <span className="problem__message">{d.message}</span>
                  </button>
                  <span className={`problem__origin${d.origin === 'collector' ? ' problem__origin--collector' : ''}`}>{d.origin === 'collector' ? 'otelcol' : 'advice'}</span>
                  {d.atStartup && (
                    <span className="problem__startup" title="otelcol validate accepts this; the Collector fails when it starts">
                      at start-up
                    </span>
                  )}
                  {d.componentId && <span className="problem__component">{d.componentId}</span>}
                  <span className="problem__where">{d.range ? `line ${d.range.start.line}:${d.range.start.column}` : ''}</span>
                  {(d.fixes ?? []).map((fix) => (
                    <button key={fix.title} type="button" className="problem__fix" onClick={() => applyFix(fix)}>
                      {fix.title}
                    </button>
                  ))}
                  {(d.explanation || d.docsUrl) && (
                    <button type="button" className="problem__more" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>
                      {open === i ? 'Less' : 'Why?'}
                    </button>
                  )}
                </div>
                {open === i && (
                  <div className="problem__details">
                    {d.explanation && <p>{d.explanation}</p>}
                    {d.docsUrl && (
                      <a href={d.docsUrl} target="_blank" rel="noreferrer noopener">
                        Component documentation
                      </a>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {matching.length > rows.length && (
          <p className="problems__none">
            {matching.length - rows.length} more not shown. Narrow the severity filter, or fix the first ones.
          </p>
        )}
      </div>
      <EnvironmentPanel />
    </div>
  );
}
