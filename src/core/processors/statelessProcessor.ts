/**
 * A `TracesComponent` for processors that handle each payload on its own (no timers): filter,
 * attributes, resource, span, transform, redaction, memory_limiter, forward.
 */
import type { ComponentIssue, ConsumeResult, TracesComponent } from '../simulation/component';
import type { TracesData } from '../telemetry/pdata';

/** What one payload turned into: `data: null` = nothing forwarded (skip or error). */
export interface PayloadOutcome {
  readonly data: TracesData | null;
  readonly error?: string;
  readonly issues?: readonly ComponentIssue[];
}

/** Wrap a per-payload function as a component; it owns (and may mutate) the payload it gets. */
export function statelessProcessor(id: string, process: (data: TracesData) => PayloadOutcome): TracesComponent {
  const idle: ConsumeResult = { emitted: [] };
  return {
    id,
    consume(data) {
      const out = process(data);
      const result: { emitted: { data: TracesData }[]; error?: string; issues?: readonly ComponentIssue[] } = {
        emitted: out.data && !out.error ? [{ data: out.data }] : [],
      };
      if (out.error !== undefined) result.error = out.error;
      if (out.issues && out.issues.length > 0) result.issues = out.issues;
      return result;
    },
    advance: () => idle,
    flush: () => idle,
  };
}

/** Remove emptied scopes and resources; `null` when nothing is left (the filter "skip" sentinel). */
export function pruneEmpty(data: TracesData): TracesData | null {
  for (const rs of data.resourceSpans) rs.scopeSpans = rs.scopeSpans.filter((ss) => ss.spans.length > 0);
  data.resourceSpans = data.resourceSpans.filter((rs) => rs.scopeSpans.length > 0);
  return data.resourceSpans.length === 0 ? null : data;
}
