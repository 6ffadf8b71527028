/**
 * batch processor (processors-spec §3.7, core 934999f): spans accumulate until
 * `send_batch_size` (size trigger, split at `send_batch_max_size`) or until the `timeout` timer
 * fires. Data is never changed, only regrouped; ResourceSpans are appended, never merged.
 */
import { ComponentConfigError, type Emission, type TracesComponent } from '../simulation/component';
import type { ResourceSpans, TracesData } from '../telemetry/pdata';
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

/** What a batcher lets go of: the parts of one outgoing batch, why, and when. */
export interface BatchRelease<G> {
  readonly parts: G[];
  readonly trigger: 'size' | 'timeout' | 'flush';
  readonly atMs: number;
}

/**
 * The batch processor's triggers and timer over payload parts of any kind `G` (ResourceSpans on
 * the object path, row groups in a columnar run, decision 0014): `count` is a part's span count,
 * `take` removes the first `max` spans (all when 0) from the pending parts, splitting one if needed.
 */
export class Batcher<G> {
  private pending: G[] = [];
  private pendingCount = 0;
  private timerStart: number | undefined;

  constructor(
    private readonly settings: BatchSettings,
    private readonly count: (part: G) => number,
    private readonly take: (pending: G[], max: number) => { taken: G[]; rest: G[] },
  ) {}

  private send(trigger: BatchRelease<G>['trigger'], atMs: number, out: BatchRelease<G>[]): void {
    const { taken, rest } = this.take(this.pending, this.settings.maxSize);
    this.pending = rest;
    this.pendingCount = 0;
    for (const part of rest) this.pendingCount += this.count(part);
    out.push({ parts: taken, trigger, atMs });
    this.timerStart = atMs; // every send resets the timer
  }

  private fireTimers(nowMs: number, out: BatchRelease<G>[]): void {
    const { hasTimer, timeoutMs } = this.settings;
    if (!hasTimer || this.timerStart === undefined) return;
    while (this.timerStart + timeoutMs <= nowMs) {
      const due = this.timerStart + timeoutMs;
      if (this.pendingCount === 0) {
        this.timerStart = due + Math.floor((nowMs - due) / timeoutMs) * timeoutMs;
        break;
      }
      this.send('timeout', due, out);
    }
  }

  consume(parts: readonly G[], nowMs: number): BatchRelease<G>[] {
    const out: BatchRelease<G>[] = [];
    this.timerStart ??= nowMs;
    this.fireTimers(nowMs, out);
    let n = 0;
    for (const part of parts) n += this.count(part);
    if (n === 0) return out; // empty payloads are dropped
    this.pending.push(...parts);
    this.pendingCount += n;
    if (!this.settings.hasTimer) while (this.pendingCount > 0) this.send('size', nowMs, out);
    else while (this.pendingCount >= this.settings.size) this.send('size', nowMs, out);
    return out;
  }

  advance(nowMs: number): BatchRelease<G>[] {
    const out: BatchRelease<G>[] = [];
    this.timerStart ??= nowMs;
    this.fireTimers(nowMs, out);
    return out;
  }

  flush(nowMs: number): BatchRelease<G>[] {
    const out: BatchRelease<G>[] = [];
    while (this.pendingCount > 0) this.send('flush', nowMs, out);
    return out;
  }
}

const spansIn = (rs: ResourceSpans): number => rs.scopeSpans.reduce((k, ss) => k + ss.spans.length, 0);

/** Build a batch processor. */
export function createBatchProcessor(id: string, config: unknown): TracesComponent {
  const batcher = new Batcher<ResourceSpans>(batchSettings(id, config), spansIn, (pending, max) => {
    const { taken, rest } = takeSpans(pending, max);
    return { taken: taken.resourceSpans, rest };
  });
  const emissions = (out: readonly BatchRelease<ResourceSpans>[]): Emission[] => out.map((r) => ({ data: { resourceSpans: r.parts }, trigger: r.trigger, atMs: r.atMs }));
  return {
    id,
    consume: (data: TracesData, nowMs: number) => ({ emitted: emissions(batcher.consume(data.resourceSpans, nowMs)) }),
    advance: (nowMs: number) => ({ emitted: emissions(batcher.advance(nowMs)) }),
    flush: (nowMs: number) => ({ emitted: emissions(batcher.flush(nowMs)) }),
  };
}
