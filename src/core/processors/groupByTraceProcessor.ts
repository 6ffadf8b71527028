/**
 * groupbytrace processor (processors-spec §3.6): payloads are split per trace id; each trace
 * is released as one payload `wait_duration` after its first span (preview model: in order of
 * first appearance). Pieces arriving after the release start a new group.
 */
import { ComponentConfigError, type ComponentIssue, type Emission, type TracesComponent } from '../simulation/component';
import type { ResourceSpans } from '../telemetry/pdata';
import { emptyResourceSpansLike, emptyScopeSpansLike } from './cloneTraces';
import { boolField, configObject, durationField, numberField } from './configReader';

interface PendingTrace {
  readonly traceId: string;
  readonly deadline: number;
  readonly pieces: ResourceSpans[];
}

/** Build a groupbytrace processor. */
export function createGroupByTraceProcessor(id: string, config: unknown): TracesComponent {
  const o = configObject(id, config);
  const waitMs = durationField(id, o, 'wait_duration', 1000);
  const numTraces = numberField(id, o, 'num_traces', 1_000_000);
  numberField(id, o, 'num_workers', 1);
  boolField(id, o, 'discard_orphans', false);
  if (boolField(id, o, 'store_on_disk', false)) throw new ComponentConfigError(id, 'store_on_disk is not supported');
  if (waitMs <= 0) throw new ComponentConfigError(id, 'wait_duration must be positive');
  if (numTraces <= 0) throw new ComponentConfigError(id, 'num_traces must be positive');
  const traces = new Map<string, PendingTrace>(); // insertion order = first appearance

  const release = (nowMs: number, all: boolean): Emission[] => {
    const out: Emission[] = [];
    for (const [tid, t] of traces) {
      if (!all && t.deadline > nowMs) continue;
      traces.delete(tid);
      out.push({ data: { resourceSpans: t.pieces }, atMs: all ? Math.max(nowMs, t.deadline) : t.deadline, trigger: all ? 'flush' : 'wait_duration' });
    }
    return out.sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
  };

  return {
    id,
    consume(data, nowMs) {
      const emitted = release(nowMs, false);
      const issues: ComponentIssue[] = [];
      for (const rs of data.resourceSpans) {
        const perTrace = new Map<string, ResourceSpans>();
        for (const ss of rs.scopeSpans) {
          const perScope = new Map<string, ReturnType<typeof emptyScopeSpansLike>>();
          for (const span of ss.spans) {
            let r = perTrace.get(span.traceId);
            if (!r) {
              r = emptyResourceSpansLike(rs);
              perTrace.set(span.traceId, r);
            }
            let s = perScope.get(span.traceId);
            if (!s) {
              s = emptyScopeSpansLike(ss);
              perScope.set(span.traceId, s);
              r.scopeSpans.push(s);
            }
            s.spans.push(span);
          }
        }
        for (const [tid, piece] of perTrace) {
          const t = traces.get(tid);
          if (t) {
            t.pieces.push(piece); // appended as an additional ResourceSpans, never merged
            continue;
          }
          traces.set(tid, { traceId: tid, deadline: nowMs + waitMs, pieces: [piece] });
          if (traces.size > numTraces) {
            const oldest = traces.keys().next().value;
            if (oldest !== undefined) {
              traces.delete(oldest);
              issues.push({ severity: 'warning', message: `trace ${oldest} evicted (num_traces ${numTraces} reached) and dropped` });
            }
          }
        }
      }
      return issues.length > 0 ? { emitted, issues } : { emitted };
    },
    advance: (nowMs) => ({ emitted: release(nowMs, false) }),
    flush: (nowMs) => ({ emitted: release(nowMs, true) }),
  };
}
