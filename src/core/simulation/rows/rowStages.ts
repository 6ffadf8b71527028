/**
 * Columnar forms of the processors a columnar run supports (decision 0014). Each one does what
 * its object-path component does, with the same compiled config and the same code for every
 * decision: conditions, actions and sampling policies read `RowSpan`s, so a value, a verdict, a
 * detail text or an issue is the one the object path would give. What changes is only how spans
 * are held: rows of the store, with content changes kept as overlays.
 */
import { anyConditionTrue, compileTraceFilter, filterError } from '../../processors/filterProcessor';
import { compileAttributesProcessor } from '../../processors/attributesProcessor';
import { Batcher, batchSettings, type BatchRelease, type BatchSettings } from '../../processors/batchProcessor';
import type { ComponentOptions } from '../../processors/componentOptions';
import { resourceContext, scopeContext, spanContext, type OttlTraceContext } from '../../ottl/ottlContext';
import type { ProbabilisticSampler, SpanSamplingOutcome } from '../../sampling/probabilisticSampler';
import { TailSampler, type Release } from '../../sampling/tailSamplingProcessor';
import type { TailSamplingConfig } from '../../sampling/tailSamplingConfig';
import type { Attributes, ResourceSpans, ScopeSpans } from '../../telemetry/pdata';
import { isRoot } from '../../telemetry/spanStore';
import type { ComponentIssue, TraceDecisionRecord, TracesComponent } from '../component';
import { resourceSpansOf, type RowGroup, type RowPayload, type SharedObjects } from './rowPayload';
import { RowSpan, type RowOverlay, type RowView } from './rowView';

export interface RowEmission {
  readonly payload: RowPayload;
  readonly atMs?: number;
}

export interface RowResult {
  readonly emitted: readonly RowEmission[];
  readonly error?: string;
  readonly issues?: readonly ComponentIssue[];
}

/**
 * A processor of a columnar lane. `attach` gives it the lane as it reaches the stage, and the
 * run's resource and scope objects for readers.
 */
export interface RowStage {
  attach(view: RowView, objects: SharedObjects): void;
  consume(payload: RowPayload, nowMs: number): RowResult;
  advance(nowMs: number): RowResult;
  flush(nowMs: number): RowResult;
  /** Present when the stage changes span content. */
  readonly overlay?: RowOverlay;
  /** tail_sampling: its decision records. */
  decisions?(): readonly TraceDecisionRecord[];
  /** tail_sampling: the store trace index of each of `decisions()`. */
  decisionTraces?(): readonly number[];
}

const IDLE: RowResult = { emitted: [] };

function result(groups: RowGroup[], issues: readonly ComponentIssue[]): RowResult {
  const emitted = groups.length > 0 ? [{ payload: { groups } }] : [];
  return issues.length > 0 ? { emitted, issues } : { emitted };
}

abstract class BaseRowStage implements RowStage {
  protected view!: RowView;
  /** Resource and scope objects for conditions and predicates to read (they never change them). */
  protected objects!: SharedObjects;
  attach(view: RowView, objects: SharedObjects): void {
    this.view = view;
    this.objects = objects;
  }
  abstract consume(payload: RowPayload, nowMs: number): RowResult;
  advance(_nowMs: number): RowResult {
    return IDLE;
  }
  flush(_nowMs: number): RowResult {
    return IDLE;
  }
}

/**
 * filter (processors-spec §2) over rows: resource, scope and span conditions and the legacy
 * include/exclude, in the object path's order, with its error handling. (Span event conditions
 * change spans, so a filter with them runs on the object path.)
 */
class FilterRowStage extends BaseRowStage {
  constructor(private readonly filter: ReturnType<typeof compileTraceFilter>) {
    super();
  }

  consume(payload: RowPayload): RowResult {
    const { buckets, legacySkip } = this.filter;
    const store = this.view.store;
    const errors: string[] = [];
    const cache: Attributes = new Map();
    const objects = this.objects;
    const groups: RowGroup[] = [];
    const reader = new RowSpan(this.view, 0);
    for (const g of payload.groups) {
      const rs = objects.resourceSpans(g.resource);
      if (anyConditionTrue(buckets.resource, resourceContext(rs, cache), errors)) continue;
      const kept: number[] = [];
      let scope = -1;
      let ss: ScopeSpans | undefined;
      let scopeDropped = false;
      // The span's context: the reader is one object retargeted per row, so one context per run of a scope.
      let ctx: OttlTraceContext | undefined;
      for (const row of g.rows) {
        const s = store.scopeOf[row]!;
        if (s !== scope || ss === undefined) {
          scope = s;
          ss = objects.scopeSpans(s);
          scopeDropped = anyConditionTrue(buckets.scope, scopeContext(rs, ss, cache), errors);
          ctx = spanContext(rs, ss, reader, cache);
        }
        if (scopeDropped) continue;
        reader.retarget(row);
        if (legacySkip && legacySkip(rs.resource, ss.scope, reader)) continue;
        if (anyConditionTrue(buckets.span, ctx!, errors)) continue;
        kept.push(row);
      }
      if (kept.length > 0) groups.push({ resource: g.resource, rows: kept });
    }
    const error = filterError(errors);
    if (error !== undefined) return { emitted: [], error };
    return result(groups, []);
  }
}

/** attributes (processors-spec §3.1): the actions run when a later stage reads the map (an overlay). */
class AttributesRowStage extends BaseRowStage implements RowOverlay {
  /** With include/exclude: 1 for the rows the actions apply to. */
  private applied: Uint8Array | undefined;
  readonly overlay: RowOverlay = this;

  constructor(private readonly compiled: ReturnType<typeof compileAttributesProcessor>) {
    super();
  }

  private appliesTo(row: number): boolean {
    return this.applied === undefined || this.applied[row] === 1;
  }

  mayWriteKey(key: string): boolean {
    const writes = this.compiled.writes;
    return writes === 'any' || writes.has(key);
  }

  mayWriteAttribute(row: number, key: string): boolean {
    return this.appliesTo(row) && this.mayWriteKey(key);
  }

  applyAttributes(row: number, attrs: Attributes): void {
    if (!this.appliesTo(row)) return;
    for (const act of this.compiled.actions) act(attrs);
  }

  consume(payload: RowPayload): RowResult {
    const skip = this.compiled.skip;
    if (skip) {
      const store = this.view.store;
      const flags = (this.applied ??= new Uint8Array(store.count));
      const objects = this.objects;
      const reader = new RowSpan(this.view, 0);
      for (const g of payload.groups) {
        const rs = objects.resourceSpans(g.resource);
        for (const row of g.rows) flags[row] = skip(rs.resource, objects.scopeSpans(store.scopeOf[row]!).scope, reader.retarget(row)) ? 0 : 1;
      }
    }
    return { emitted: [{ payload }] };
  }
}

/** probabilistic_sampler (sampling-spec §3) over rows: the sampler's own per-span decision; new tracestates as an overlay. */
class ProbabilisticRowStage extends BaseRowStage implements RowOverlay {
  /** New tracestate of a row: 1 + an index into `states` (0 = unchanged). */
  private stateOfRow: Int32Array | undefined;
  private readonly states: string[] = [];
  /**
   * Outcomes of spans with no tracestate and no sampling.priority, by trace (1 + an index into
   * `outcomes`): they depend on the trace id alone, as the sampler's own cache (not used here) knows.
   */
  private plainOfTrace: Int32Array | undefined;
  private readonly outcomes: SpanSamplingOutcome[] = [];
  /** `stateOfRow` value for the rows of each outcome (-1 = not worked out yet). */
  private readonly outcomeStates: number[] = [];
  readonly overlay: RowOverlay = this;

  constructor(private readonly sampler: ProbabilisticSampler) {
    super();
  }

  traceStateOf(row: number): string | undefined {
    const i = this.stateOfRow?.[row] ?? 0;
    return i === 0 ? undefined : this.states[i - 1];
  }

  private stateId(state: string): number {
    this.states.push(state);
    return this.states.length;
  }

  consume(payload: RowPayload): RowResult {
    const errors = new Map<string, number>();
    const groups: RowGroup[] = [];
    for (const g of payload.groups) {
      const kept: number[] = [];
      for (const row of g.rows) {
        const view = this.view;
        const traceState = view.traceState(row);
        const found = view.attribute(row, 'sampling.priority');
        const priority = found === null ? view.attributes(row).get('sampling.priority') : found;
        let outcome: SpanSamplingOutcome;
        let known = 0;
        if (traceState === '' && priority === undefined) {
          const t = view.cache.traceOfRow[row]!;
          const plain = (this.plainOfTrace ??= new Int32Array(view.store.count));
          known = plain[t]!;
          if (known > 0) outcome = this.outcomes[known - 1]!;
          else {
            outcome = this.sampler.decideSpan(view.traceId(row), traceState, priority);
            this.outcomes.push(outcome);
            this.outcomeStates.push(-1);
            plain[t] = known = this.outcomes.length;
          }
        } else outcome = this.sampler.decideSpan(view.traceId(row), traceState, priority);
        if (outcome.error !== undefined) errors.set(outcome.error, (errors.get(outcome.error) ?? 0) + 1);
        if (!outcome.sampled) continue;
        if (outcome.traceState !== traceState) {
          let id: number;
          if (known > 0) {
            id = this.outcomeStates[known - 1]!;
            if (id < 0) this.outcomeStates[known - 1] = id = this.stateId(outcome.traceState);
          } else id = this.stateId(outcome.traceState);
          (this.stateOfRow ??= new Int32Array(view.store.count))[row] = id;
        }
        kept.push(row);
      }
      if (kept.length > 0) groups.push({ resource: g.resource, rows: kept });
    }
    const issues: ComponentIssue[] = [];
    for (const [message, count] of errors) issues.push({ severity: 'info', message: `traces sampler: ${message} (${count} span${count === 1 ? '' : 's'})` });
    return result(groups, issues);
  }
}

/** tail_sampling (sampling-spec §2): the processor's own state machine, holding rows per trace. */
class TailRowStage extends BaseRowStage {
  /** Traces are known by their store trace index. */
  private sampler!: TailSampler<RowGroup, number>;

  constructor(
    private readonly id: string,
    private readonly config: TailSamplingConfig,
    private readonly featureGates: Readonly<Record<string, boolean>>,
  ) {
    super();
  }

  override attach(view: RowView, objects: SharedObjects): void {
    super.attach(view, objects);
    const store = view.store;
    // What the policies read: one resource object per stored resource shared by every view
    // (policies only read it), the spans as RowSpans.
    const viewOf = (batch: RowGroup): ResourceSpans => resourceSpansOf(store, batch, (row) => new RowSpan(view, row), this.objects);
    this.sampler = new TailSampler<RowGroup, number>(this.id, this.config, this.featureGates, viewOf, (batch) => batch.rows.some((row) => isRoot(store, row)));
  }

  decisions(): readonly TraceDecisionRecord[] {
    return this.sampler.decisions();
  }

  decisionTraces(): readonly number[] {
    return this.sampler.decisionKeys();
  }

  private emissions(out: readonly Release<RowGroup>[]): RowEmission[] {
    return out.map((r) => (r.atMs === undefined || r.cached ? { payload: { groups: r.batches } } : { payload: { groups: r.batches }, atMs: r.atMs }));
  }

  consume(payload: RowPayload, nowMs: number): RowResult {
    const out: Release<RowGroup>[] = [];
    const issues: ComponentIssue[] = [];
    const warning = this.sampler.strategyIssue();
    if (warning) issues.push(warning);
    this.sampler.fireTicks(nowMs, out);
    const traceOfRow = this.view.cache.traceOfRow;
    for (const g of payload.groups) {
      // One batch per trace of this ResourceSpans, in order of first appearance (splitByTrace).
      const byTrace = new Map<number, number[]>();
      const order: number[] = [];
      for (const row of g.rows) {
        const t = traceOfRow[row]!;
        const list = byTrace.get(t);
        if (list === undefined) {
          byTrace.set(t, [row]);
          order.push(t);
        } else list.push(row);
      }
      for (const t of order) {
        const rows = byTrace.get(t)!;
        this.sampler.ingest(t, this.view.traceId(rows[0]!), { resource: g.resource, rows }, rows.length, nowMs, out, issues);
      }
    }
    const emitted = this.emissions(out);
    return issues.length > 0 ? { emitted, issues } : { emitted };
  }

  override advance(nowMs: number): RowResult {
    const out: Release<RowGroup>[] = [];
    this.sampler.fireTicks(nowMs, out);
    return { emitted: this.emissions(out) };
  }

  override flush(nowMs: number): RowResult {
    const out: Release<RowGroup>[] = [];
    const dropped = this.sampler.flushPending(nowMs, out);
    const emitted = this.emissions(out);
    return dropped > 0 ? { emitted, issues: [{ severity: 'info', message: `${dropped} pending trace${dropped === 1 ? '' : 's'} dropped on shutdown` }] } : { emitted };
  }
}

/**
 * batch (processors-spec §3.7) over rows: the processor's own triggers and timer (`Batcher`),
 * groups split at `send_batch_max_size` exactly as `takeSpans` splits ResourceSpans.
 */
class BatchRowStage extends BaseRowStage {
  private readonly batcher: Batcher<RowGroup>;

  constructor(settings: BatchSettings) {
    super();
    this.batcher = new Batcher<RowGroup>(settings, (g) => g.rows.length, takeRows);
  }

  private static result(out: readonly BatchRelease<RowGroup>[]): RowResult {
    return { emitted: out.map((r) => ({ payload: { groups: r.parts }, atMs: r.atMs })) };
  }

  consume(payload: RowPayload, nowMs: number): RowResult {
    return BatchRowStage.result(this.batcher.consume(payload.groups, nowMs));
  }

  override advance(nowMs: number): RowResult {
    return BatchRowStage.result(this.batcher.advance(nowMs));
  }

  override flush(nowMs: number): RowResult {
    return BatchRowStage.result(this.batcher.flush(nowMs));
  }
}

/** The first `max` rows (all when 0) of the pending groups, a group split where the budget ends. */
function takeRows(pending: RowGroup[], max: number): { taken: RowGroup[]; rest: RowGroup[] } {
  if (max <= 0) return { taken: pending, rest: [] };
  const taken: RowGroup[] = [];
  const rest = [...pending];
  let budget = max;
  while (budget > 0 && rest.length > 0) {
    const g = rest[0]!;
    if (g.rows.length <= budget) {
      taken.push(g);
      rest.shift();
      budget -= g.rows.length;
      continue;
    }
    taken.push({ resource: g.resource, rows: g.rows.slice(0, budget) });
    rest[0] = { resource: g.resource, rows: g.rows.slice(budget) };
    budget = 0;
  }
  return { taken, rest };
}

/**
 * A component that never looks at the data (memory_limiter, a component the engine does not
 * model, one that failed to start): its object-path self is asked what it does with a payload
 * (pass it, swallow it, add an issue) and the rows follow.
 */
class OpaqueRowStage extends BaseRowStage {
  constructor(private readonly component: TracesComponent) {
    super();
  }

  consume(payload: RowPayload, nowMs: number): RowResult {
    const r = this.component.consume({ resourceSpans: [] }, nowMs);
    const emitted = r.emitted.length > 0 && r.error === undefined ? [{ payload }] : [];
    return { emitted, ...(r.error !== undefined ? { error: r.error } : {}), ...(r.issues && r.issues.length > 0 ? { issues: r.issues } : {}) };
  }
}

/**
 * The columnar form of a processor already built for the object path (`component`, so start-up
 * errors are the object path's), or a reason it has none.
 */
export function rowStageFor(
  type: string,
  config: unknown,
  component: TracesComponent,
  simulated: boolean,
  options: ComponentOptions,
): RowStage | string {
  if (!simulated) return new OpaqueRowStage(component);
  switch (type) {
    case 'memory_limiter':
      return new OpaqueRowStage(component);
    case 'batch':
      return new BatchRowStage(batchSettings(component.id, config));
    case 'filter': {
      const compiled = compileTraceFilter(component.id, config, options);
      if (compiled.buckets.spanevent.length > 0) return 'a filter with span event conditions changes spans';
      return new FilterRowStage(compiled);
    }
    case 'attributes':
      return new AttributesRowStage(compileAttributesProcessor(component.id, config));
    case 'probabilistic_sampler':
      return new ProbabilisticRowStage(component as ProbabilisticSampler);
    case 'tail_sampling': {
      const tail = component as unknown as TailSampler<ResourceSpans>;
      if (tail.recordPolicy) return 'the recordpolicy gate adds scope attributes';
      if (tail.config.maximumTraceSizeBytes > 0) return 'maximum_trace_size_bytes measures held spans on every arrival';
      return new TailRowStage(component.id, tail.config, options.featureGates ?? {});
    }
    default:
      return `${type} has no columnar form`;
  }
}
