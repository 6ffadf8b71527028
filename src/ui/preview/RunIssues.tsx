/**
 * Components the engine refused to build (their config passes validation but fails at start-up,
 * e.g. a regular expression RE2 rejects): the Collector would not start with them. The run still
 * happened, with that component dropping what reaches it, so the rest of the result is shown.
 */
import type { RunSummary } from '../../core/simulation/preview/previewTypes';

export function RunIssues({ issues }: { issues: RunSummary['issues'] }) {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return null;
  return (
    <div className="pv-notice pv-notice--failed" role="alert" data-testid="run-issues">
      <p>
        {errors.length === 1 ? 'A component failed to start' : `${errors.length} components failed to start`}: the Collector would not start with this config. In this preview
        {errors.length === 1 ? ' it drops' : ' they drop'} everything that reaches {errors.length === 1 ? 'it' : 'them'}.
      </p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e.message}</li>
        ))}
      </ul>
    </div>
  );
}
