/** Why the preview cannot run or failed, shown above results; or an empty-state line. */
import { useSimulation } from '../app/StoreContext';

export function PreviewNotice({ empty }: { empty?: string }) {
  const message = useSimulation((s) => s.message);
  const status = useSimulation((s) => s.status);
  const loadError = useSimulation((s) => s.loadError);
  const text = message ?? loadError;
  return (
    <>
      {text && (
        <p className={`pv-notice pv-notice--${status}`} role="alert" data-testid="preview-notice">
          {text}
        </p>
      )}
      {empty && <p className="pv-muted pv-empty">{status === 'running' || status === 'waiting' ? 'Running the preview…' : empty}</p>}
    </>
  );
}
