/** Problems and results under the canvas. */
import { ProblemsPanel } from './ProblemsPanel';
import { useDocument } from '../app/StoreContext';

export function BottomPanel() {
  const errors = useDocument((s) => s.analysis?.diagnostics.filter((d) => d.severity === 'error').length ?? 0);
  const warnings = useDocument((s) => s.analysis?.diagnostics.filter((d) => d.severity === 'warning').length ?? 0);
  const unwrapped = useDocument((s) => s.lastGood?.model.unwrapped?.description ?? null);
  return (
    <section className="bottom" aria-label="Problems and results">
      <div className="bottom__tabs" role="tablist">
        <span role="tab" aria-selected="true" className="bottom__tab is-active">
          Problems <span className="bottom__counts">{errors > 0 ? `${errors} errors` : ''}{errors > 0 && warnings > 0 ? ', ' : ''}{warnings > 0 ? `${warnings} warnings` : ''}</span>
        </span>
        {unwrapped && <span className="bottom__note">{unwrapped}</span>}
      </div>
      <div className="bottom__body" role="tabpanel">
        <ProblemsPanel />
      </div>
    </section>
  );
}
