/**
 * batch processor (processors-spec §3.7, core 934999f): spans accumulate until
 * `send_batch_size` (size trigger, split at `send_batch_max_size`) or until the `timeout` timer
 * fires. Data is never changed, only regrouped; ResourceSpans are appended, never merged.
 */
import { ComponentConfigError, type Emission, type TracesComponent } from '../simulation/component';
import type { ResourceSpans, TracesData } from '../telemetry/pdata';
import { spanCount } from '../telemetry/pdata';
import { emptyResourceSpansLike, emptyScopeSpansLike } from './cloneTraces';
import { configObject, durationField, numberField } from './configReader';

/** Take the first `max` spans (all when 0) from `pending`, splitting resources/scopes as needed. */
export function takeSpans(pending: ResourceSpans[], max: number): { taken: TracesData; rest: ResourceSpans[] } {
  if (max <= 0) return { taken: { resourceSpans: pending }, rest: [] };
  const taken: ResourceSpans[] = [];
  let budget = max;
  const rest = [...pending];
  while (budget > 0 && rest.length > 0) {
    const rs = rest[0] as ResourceSpans;
    const n = rs.scopeSpans.reduce((k, ss) => k + ss.spans.length, 0);
    if (n <= budget) {
      taken.push(rs);
      rest.shift();
      budget -= n;
      continue;
    }
    const part = emptyResourceSpansLike(rs);
    while (budget > 0 && rs.scopeSpans.length > 0) {
      const ss = rs.scopeSpans[0];
      if (!ss) break;
      if (ss.spans.length <= budget) {
        part.scopeSpans.push(ss);
        rs.scopeSpans.shift();
        budget -= ss.spans.length;
        continue;
      }
      const sPart = emptyScopeSpansLike(ss);
      sPart.spans = ss.spans.splice(0, budget);
      part.scopeSpans.push(sPart);
      budget = 0;
    }
    taken.push(part);
  }
  return { taken: { resourceSpans: taken }, rest };
}

/** A batch processor's settings, checked as the Collector checks them. */
export interface BatchSettings {
  readonly size: number;
  readonly maxSize: number;
  readonly timeoutMs: number;
  /** False when `timeout` is 0 or `send_batch_size` is 0: every payload leaves at once. */
  readonly hasTimer: boolean;
}

export function batchSettings(id: string, config: unknown): BatchSettings {
  const o = configObject(id, config);
  const size = numberField(id, o, 'send_batch_size', 8192);
  const maxSize = numberField(id, o, 'send_batch_max_size', 0);
  const timeoutMs = durationField(id, o, 'timeout', 200);
  if (maxSize > 0 && maxSize < size) throw new ComponentConfigError(id, 'send_batch_max_size must be greater or equal to send_batch_size');
  if (timeoutMs < 0) throw new ComponentConfigError(id, 'timeout must be greater or equal to 0');
  return { size, maxSize, timeoutMs, hasTimer: timeoutMs > 0 && size > 0 };
}

/** Build a batch processor. */
export function createBatchProcessor(id: string, config: unknown): TracesComponent {
  const { size, maxSize, timeoutMs, hasTimer } = batchSettings(id, config);
  let pending: ResourceSpans[] = [];
  let pendingCount = 0;
  let timerStart: number | undefined;

  const send = (trigger: string, atMs: number, out: Emission[]): void => {
    const { taken, rest } = takeSpans(pending, maxSize);
    pending = rest;
    pendingCount = pending.reduce((k, rs) => k + rs.scopeSpans.reduce((j, ss) => j + ss.spans.length, 0), 0);
    out.push({ data: taken, trigger, atMs });
    timerStart = atMs; // every send resets the timer
  };
  const fireTimers = (nowMs: number, out: Emission[]): void => {
    if (!hasTimer || timerStart === undefined) return;
    while (timerStart + timeoutMs <= nowMs) {
      const due = timerStart + timeoutMs;
      if (pendingCount === 0) {
        timerStart = due + Math.floor((nowMs - due) / timeoutMs) * timeoutMs;
        break;
      }
      send('timeout', due, out);
    }
  };

  return {
    id,
    consume(data, nowMs) {
      const out: Emission[] = [];
      timerStart ??= nowMs;
      fireTimers(nowMs, out);
      const n = spanCount(data);
      if (n === 0) return { emitted: out }; // empty payloads are dropped
      pending.push(...data.resourceSpans);
      pendingCount += n;
      if (!hasTimer) while (pendingCount > 0) send('size', nowMs, out);
      else while (pendingCount >= size) send('size', nowMs, out);
      return { emitted: out };
    },
    advance(nowMs) {
      const out: Emission[] = [];
      timerStart ??= nowMs;
      fireTimers(nowMs, out);
      return { emitted: out };
    },
    flush(nowMs) {
      const out: Emission[] = [];
      while (pendingCount > 0) send('flush', nowMs, out);
      return { emitted: out };
    },
  };
}
