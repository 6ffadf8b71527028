import type { ComponentIssue, ConsumeResult, Emission, PolicyVerdict, TraceDecisionRecord, TracesComponent } from '../simulation/component';
import type { AnyValue, ResourceSpans, ScopeSpans, Span, TracesData } from '../telemetry/pdata';
import { LruSet } from './lruSet';
import { makeDecision, orderPolicies, verdictInterner, type FinalDecision } from './makeDecision';
import { otlpTracesSize } from './otlpTracesSize';
import type { PolicyEvaluator, SampledTrace } from './samplingPolicy';
import type { TailSamplingConfig } from './tailSamplingConfig';

export const GATE_RECORD_POLICY = 'processor.tailsamplingprocessor.recordpolicy';

const TICK_MS = 1000;

type MutableRecord = { -readonly [K in keyof TraceDecisionRecord]: TraceDecisionRecord[K] };

/**
 * A trace held in memory (sampling-spec §2.1): stored batches until decided, then the decision
 * only. `B` is how a batch is held: a ResourceSpans (the object path) or rows of the span store
 * (a columnar run, decision 0014); policies always read ResourceSpans (`view`).
 */
class TraceEntry<B, K> implements SampledTrace {
  parts: B[] = [];
  private viewed: readonly ResourceSpans[] | undefined;
  spanCount = 0;
  /** Index of the tick at which the trace is evaluated (tick k fires at k × 1000 ms). */
  dueTick: number;
  decision: FinalDecision | undefined;
  record: MutableRecord | undefined;
  matchingPolicy: string | undefined;
  private size = -1;

  constructor(
    readonly key: K,
    readonly traceId: string,
    dueTick: number,
    private readonly view: ((batch: B, traceId: string) => ResourceSpans) | null,
  ) {
    this.dueTick = dueTick;
  }

  add(batch: B, spans: number): void {
    this.parts.push(batch);
    this.spanCount += spans;
    this.size = -1;
    this.viewed = undefined;
  }

  get batches(): readonly ResourceSpans[] {
    const view = this.view;
    if (view === null) return this.parts as unknown as ResourceSpans[];
    return (this.viewed ??= this.parts.map((p) => view(p, this.traceId)));
  }

  clear(): void {
    this.parts = [];
    this.viewed = undefined;
  }

  byteSize(): number {
    if (this.size < 0) this.size = otlpTracesSize(this.batches);
    return this.size;
  }
}

/** Splits one ResourceSpans by trace ID, keeping resource, scopes and order (one stored batch per trace). */
function splitByTrace(rs: ResourceSpans): Map<string, { batch: ResourceSpans; spans: number }> {
  const out = new Map<string, { batch: ResourceSpans; spans: number }>();
  for (const ss of rs.scopeSpans) {
    let lastScope: ScopeSpans | undefined;
    let lastTrace = '';
    for (const span of ss.spans) {
      let entry = out.get(span.traceId);
      if (entry === undefined) {
        entry = { batch: { resource: rs.resource, schemaUrl: rs.schemaUrl, scopeSpans: [] }, spans: 0 };
        out.set(span.traceId, entry);
      }
      let target: ScopeSpans | undefined;
      if (lastScope !== undefined && lastTrace === span.traceId) target = lastScope;
      else {
        const scopes = entry.batch.scopeSpans;
        const tail = scopes[scopes.length - 1];
        target = tail !== undefined && tail.scope === ss.scope ? tail : undefined;
        if (target === undefined) {
          target = { scope: ss.scope, schemaUrl: ss.schemaUrl, spans: [] };
          scopes.push(target);
        }
      }
      target.spans.push(span);
      entry.spans++;
      lastScope = target;
      lastTrace = span.traceId;
    }
  }
  return out;
}

function withScopeAttributes(batches: readonly ResourceSpans[], extra: ReadonlyMap<string, AnyValue>): ResourceSpans[] {
  return batches.map((rs) => ({
    ...rs,
    scopeSpans: rs.scopeSpans.map((ss) => ({ ...ss, scope: { ...ss.scope, attributes: new Map([...ss.scope.attributes, ...extra]) } })),
  }));
}

/** Batches a tail sampler lets go of: a decided trace, a late span of a sampled one, a cached decision. */
export interface Release<B> {
  readonly batches: B[];
  /** The decision tick, for a decision; absent for late and cached spans (they leave on arrival). */
  readonly atMs?: number;
  /** The policy that sampled the trace (recorded with the `recordpolicy` gate). */
  readonly policy?: string;
  /** Set for spans let through by the sampled-decision cache. */
  readonly cached?: boolean;
}

/**
 * The state machine of the `tail_sampling` processor (sampling-spec §2), default strategy
 * `trace-complete`: spans are held per trace, a ticker fires every simulated second (ticks at
 * 1000, 2000, … ms), a trace whose first span arrives between ticks k−1 and k is decided at tick
 * k + max(1, ⌊decision_wait⌋ s) (§2.1.3); `num_traces` evicts the oldest held trace (§2.1.2);
 * late spans follow the stored or cached decision without re-evaluation (§2.1.5). `B` is how a
 * batch is held; `view` shows it to the policies as a ResourceSpans (null: it is one). `K` is how a
 * trace is known to the sampler's maps: its id (the object path) or the store's trace index (a
 * columnar run, where a small integer is a cheaper key than a 32-character id).
 */
export class TailSampler<B, K = string> {
  private readonly ordered: readonly PolicyEvaluator[];
  private readonly waitTicks: number;
  private readonly rootWaitTicks: number;
  private readonly traces = new Map<K, TraceEntry<B, K>>();
  /**
   * Held entries in the order they were stored (the oldest first), for `num_traces` eviction; an
   * entry no longer held is skipped when it comes up. (Asking the map for its first entry instead
   * walks every entry deleted before it, which made a long run with full memory quadratic.)
   */
  private stored: TraceEntry<B, K>[] = [];
  private storedHead = 0;
  private readonly due = new Map<number, TraceEntry<B, K>[]>();
  private readonly records: MutableRecord[] = [];
  /** The key of each record's trace (`records` order). */
  private readonly recordKeys: K[] = [];
  private readonly recordByKey = new Map<K, MutableRecord>();
  private readonly sampledCache: LruSet<K>;
  private readonly nonSampledCache: LruSet<K>;
  readonly recordPolicy: boolean;
  private lastTick = 0;
  private warnedStrategy = false;
  private readonly verdictOf = verdictInterner();

  constructor(
    readonly id: string,
    readonly config: TailSamplingConfig,
    featureGates: Readonly<Record<string, boolean>>,
    private readonly view: ((batch: B, traceId: string) => ResourceSpans) | null,
    private readonly hasRoot: (batch: B) => boolean,
  ) {
    this.ordered = orderPolicies(config.policies);
    this.waitTicks = Math.max(1, Math.trunc(config.decisionWaitMs / 1000));
    this.rootWaitTicks = config.decisionWaitAfterRootReceivedMs > 0 ? Math.max(1, Math.trunc(config.decisionWaitAfterRootReceivedMs / 1000)) : 0;
    this.sampledCache = new LruSet<K>(config.sampledCacheSize);
    this.nonSampledCache = new LruSet<K>(config.nonSampledCacheSize);
    this.recordPolicy = featureGates[GATE_RECORD_POLICY] === true;
  }

  /** Every decision so far (and every trace evicted undecided), in decision order. */
  decisions(): readonly TraceDecisionRecord[] {
    return this.records;
  }

  /** The trace key of each of `decisions()`, in the same order. */
  decisionKeys(): readonly K[] {
    return this.recordKeys;
  }

  private addRecord(key: K, record: MutableRecord): void {
    this.records.push(record);
    this.recordKeys.push(key);
    this.recordByKey.set(key, record);
  }

  /** Decides the given traces at once at `nowMs`, without storing them (see `TailSamplingProcessor.decideNow`). */
  protected decideAll(parts: ReadonlyMap<string, { batches: B[]; spans: number }>, key: (traceId: string) => K, nowMs: number): TraceDecisionRecord[] {
    return [...parts].map(([traceId, held]) => {
      const e = new TraceEntry<B, K>(key(traceId), traceId, 0, this.view);
      for (const b of held.batches) e.add(b, 0);
      e.spanCount = held.spans;
      const outcome = makeDecision(this.ordered, e, nowMs, this.config.sampleOnFirstMatch, this.verdictOf);
      const record: MutableRecord = { traceId, decision: outcome.decision, decidedAtMs: nowMs, policies: outcome.verdicts, lateSpans: 0, evicted: false };
      this.records.push(record);
      this.recordKeys.push(e.key);
      return record;
    });
  }

  /** The one-time warning for a strategy the preview does not model, if it is due now. */
  strategyIssue(): ComponentIssue | undefined {
    if (this.config.samplingStrategy !== 'span-ingest' || this.warnedStrategy) return undefined;
    // Preview limitation: span-ingest per-batch evaluation (§2.1) is not modelled yet.
    this.warnedStrategy = true;
    return { severity: 'warning', message: 'sampling_strategy "span-ingest" is previewed as "trace-complete" (decisions at the decision tick)' };
  }

  /** Fires the decision ticks due by `nowMs`. */
  fireTicks(nowMs: number, out: Release<B>[]): void {
    let k = this.lastTick + 1;
    while (k * TICK_MS <= nowMs) {
      if (this.due.size === 0) {
        // Nothing pending: jump straight to the last tick due by now.
        k = Math.floor(nowMs / TICK_MS) + 1;
        break;
      }
      const batch = this.due.get(k);
      if (batch !== undefined) {
        this.due.delete(k);
        for (const entry of batch) {
          // Skip entries evicted, already decided or moved to another tick meanwhile.
          if (entry.decision !== undefined || entry.dueTick !== k || this.traces.get(entry.key) !== entry) continue;
          this.decide(entry, k * TICK_MS, out);
        }
      }
      k++;
    }
    this.lastTick = k - 1;
  }

  /** Shutdown (§2.1.7): pending traces are decided with what arrived, unless drop_pending_traces_on_shutdown; returns the dropped count. */
  flushPending(nowMs: number, out: Release<B>[]): number {
    this.fireTicks(nowMs, out);
    let dropped = 0;
    for (const entry of [...this.traces.values()]) {
      if (entry.decision !== undefined) continue;
      if (this.config.dropPendingTracesOnShutdown) {
        this.traces.delete(entry.key);
        dropped++;
      } else this.decide(entry, nowMs, out);
    }
    this.due.clear();
    return dropped;
  }

  private schedule(entry: TraceEntry<B, K>, tick: number): void {
    entry.dueTick = tick;
    const list = this.due.get(tick);
    if (list === undefined) this.due.set(tick, [entry]);
    else list.push(entry);
  }

  private decide(entry: TraceEntry<B, K>, atMs: number, out: Release<B>[]): void {
    const outcome = makeDecision(this.ordered, entry, atMs, this.config.sampleOnFirstMatch, this.verdictOf);
    this.finish(entry, outcome.decision, atMs, outcome.verdicts, out, outcome.matchingPolicy);
  }

  private finish(entry: TraceEntry<B, K>, decision: FinalDecision, atMs: number, verdicts: readonly PolicyVerdict[], out: Release<B>[], matchingPolicy?: string): void {
    const record: MutableRecord = { traceId: entry.traceId, decision, decidedAtMs: atMs, policies: verdicts, lateSpans: 0, evicted: false };
    this.addRecord(entry.key, record);
    entry.decision = decision;
    entry.record = record;
    entry.matchingPolicy = matchingPolicy;
    if (decision === 'sampled' && entry.parts.length > 0) out.push(matchingPolicy !== undefined ? { batches: entry.parts, atMs, policy: matchingPolicy } : { batches: entry.parts, atMs });
    entry.clear();
    // §2.1.4: with the matching cache enabled the decision moves there and the trace leaves memory;
    // otherwise the decision-only entry stays until capacity eviction.
    const cache = decision === 'sampled' ? this.sampledCache : this.nonSampledCache;
    if (cache.capacity > 0) {
      cache.add(entry.key);
      this.traces.delete(entry.key);
    }
  }

  /** Takes in the spans of one trace (`key`, id `traceId`) from one arriving ResourceSpans. */
  ingest(key: K, traceId: string, batch: B, spans: number, nowMs: number, out: Release<B>[], issues: ComponentIssue[]): void {
    // §2.1.1: the decision caches answer first.
    if (this.sampledCache.capacity > 0 && this.sampledCache.has(key)) {
      this.countLate(key, spans);
      out.push({ batches: [batch], cached: true });
      return;
    }
    if (this.nonSampledCache.capacity > 0 && this.nonSampledCache.has(key)) {
      this.countLate(key, spans);
      return;
    }
    let entry = this.traces.get(key);
    if (entry !== undefined && entry.decision !== undefined) {
      // §2.1.5: late spans follow the stored decision, never re-evaluated.
      this.countLate(key, spans);
      if (entry.decision === 'sampled') out.push({ batches: [batch] });
      return;
    }
    if (entry === undefined) {
      // §2.1.2: capacity check before storing a new trace.
      if (this.traces.size >= this.config.numTraces) {
        if (this.config.blockOnOverflow) {
          issues.push({ severity: 'warning', message: `num_traces (${this.config.numTraces}) reached: the Collector would block ingestion (block_on_overflow)` });
        } else this.evictOldest();
      }
      entry = new TraceEntry<B, K>(key, traceId, 0, this.view);
      this.traces.set(key, entry);
      this.remember(entry);
      this.schedule(entry, this.lastTick + 1 + this.waitTicks);
    }
    entry.add(batch, spans);
    if (this.rootWaitTicks > 0 && this.hasRoot(batch)) {
      const candidate = this.lastTick + 1 + this.rootWaitTicks;
      if (candidate < entry.dueTick) this.schedule(entry, candidate);
    }
    // §2.1.6 size guard.
    if (this.config.maximumTraceSizeBytes > 0 && entry.byteSize() > this.config.maximumTraceSizeBytes) {
      const verdict: PolicyVerdict = { policy: '(maximum_trace_size_bytes)', verdict: 'NotSampled', detail: `trace size ${entry.byteSize()} B exceeds maximum_trace_size_bytes ${this.config.maximumTraceSizeBytes}` };
      this.finish(entry, 'not_sampled', nowMs, [verdict], out);
    }
  }

  private countLate(key: K, spans: number): void {
    const record = this.recordByKey.get(key);
    if (record !== undefined) record.lateSpans += spans;
  }

  private remember(entry: TraceEntry<B, K>): void {
    this.stored.push(entry);
    // Drop what is no longer held once it outnumbers what is (amortised O(1) per entry).
    if (this.stored.length - this.storedHead > 2 * this.traces.size + 1024) {
      this.stored = this.stored.slice(this.storedHead).filter((e) => this.traces.get(e.key) === e);
      this.storedHead = 0;
    }
  }

  /** The held entry stored first (the map's insertion order). */
  private oldest(): TraceEntry<B, K> | undefined {
    while (this.storedHead < this.stored.length) {
      const entry = this.stored[this.storedHead]!;
      if (this.traces.get(entry.key) === entry) return entry;
      this.storedHead++;
    }
    return undefined;
  }

  private evictOldest(): void {
    const entry = this.oldest();
    if (entry === undefined) return;
    this.storedHead++;
    this.traces.delete(entry.key);
    if (entry.decision === undefined) {
      // Dropped too early: its spans are lost without a decision.
      const record: MutableRecord = { traceId: entry.traceId, decision: 'not_sampled', decidedAtMs: Number.NaN, policies: [], lateSpans: 0, evicted: true };
      this.addRecord(entry.key, record);
      entry.clear();
    }
  }
}

/** The `tail_sampling` processor over pdata payloads (the object path). */
export class TailSamplingProcessor extends TailSampler<ResourceSpans> implements TracesComponent {
  constructor(id: string, config: TailSamplingConfig, featureGates: Readonly<Record<string, boolean>> = {}) {
    super(id, config, featureGates, null, hasRootSpan);
  }

  /**
   * Decides a complete trace at once at `nowMs`, exactly as a decision tick would (§2.5), without
   * storing it: for step-by-step previews of stateful policies (rate limits, composite budgets).
   */
  decideNow(data: TracesData, nowMs: number): TraceDecisionRecord[] {
    const parts = new Map<string, { batches: ResourceSpans[]; spans: number }>();
    for (const rs of data.resourceSpans) {
      for (const [traceId, part] of splitByTrace(rs)) {
        let e = parts.get(traceId);
        if (e === undefined) parts.set(traceId, (e = { batches: [], spans: 0 }));
        e.batches.push(part.batch);
        e.spans += part.spans;
      }
    }
    return this.decideAll(parts, (traceId) => traceId, nowMs);
  }

  consume(data: TracesData, nowMs: number): ConsumeResult {
    const out: Release<ResourceSpans>[] = [];
    const issues: ComponentIssue[] = [];
    const warning = this.strategyIssue();
    if (warning) issues.push(warning);
    this.fireTicks(nowMs, out);
    for (const rs of data.resourceSpans) {
      for (const [traceId, part] of splitByTrace(rs)) this.ingest(traceId, traceId, part.batch, part.spans, nowMs, out, issues);
    }
    const emitted = this.emissions(out);
    return issues.length > 0 ? { emitted, issues } : { emitted };
  }

  advance(nowMs: number): ConsumeResult {
    const out: Release<ResourceSpans>[] = [];
    this.fireTicks(nowMs, out);
    return { emitted: this.emissions(out) };
  }

  /** Shutdown (§2.1.7): pending traces are decided with what arrived, unless drop_pending_traces_on_shutdown. */
  flush(nowMs: number): ConsumeResult {
    const out: Release<ResourceSpans>[] = [];
    const dropped = this.flushPending(nowMs, out);
    const emitted = this.emissions(out);
    return dropped > 0
      ? { emitted, issues: [{ severity: 'info', message: `${dropped} pending trace${dropped === 1 ? '' : 's'} dropped on shutdown` }] }
      : { emitted };
  }

  private emissions(out: readonly Release<ResourceSpans>[]): Emission[] {
    return out.map((r) => {
      if (r.cached) {
        const attrs = new Map<string, AnyValue>([['tailsampling.cached_decision', { kind: 'bool', value: true }]]);
        return { data: { resourceSpans: this.recordPolicy ? withScopeAttributes(r.batches, attrs) : r.batches } };
      }
      if (r.atMs === undefined) return { data: { resourceSpans: r.batches } };
      const batches = this.recordPolicy && r.policy !== undefined
        ? withScopeAttributes(r.batches, new Map([['tailsampling.policy', { kind: 'string', value: r.policy }]]))
        : r.batches;
      return { data: { resourceSpans: batches }, atMs: r.atMs };
    });
  }
}

function hasRootSpan(batch: ResourceSpans): boolean {
  for (const ss of batch.scopeSpans) for (const span of ss.spans as Span[]) if (span.parentSpanId === '') return true;
  return false;
}
