/**
 * One trace's spans for the trace view, materialised from the span store in the worker on
 * demand (the page never holds every span). Times are offsets from the trace's first start in
 * milliseconds; values are display text.
 */
import { STATUS_CODE_NAMES, SPAN_KIND_NAMES } from '../../telemetry/pdata';
import { resourceOf, spanAt, type SpanStore, type StoredResource } from '../../telemetry/spanStore';
import type { PolicyVerdict } from '../component';
import type { TraceOutcome } from '../simulationResult';
import { attributePairs } from './formatAnyValue';

export interface TraceDetailSpan {
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly service: string;
  readonly kind: string;
  readonly startMs: number;
  readonly durationMs: number;
  readonly status: { readonly code: string; readonly message: string };
  readonly attributes: readonly [string, string][];
  readonly events: readonly { readonly name: string; readonly atMs: number; readonly attributes: readonly [string, string][] }[];
  readonly links: readonly { readonly traceId: string; readonly spanId: string; readonly attributes: readonly [string, string][] }[];
  readonly scope: string;
  /** Index into `TraceDetail.resources`. */
  readonly resource: number;
}

export interface TraceDetail {
  readonly traceId: string;
  readonly decision: TraceOutcome['decision'];
  readonly decidedBy: string | null;
  readonly policies: readonly PolicyVerdict[];
  readonly lateSpans: number;
  readonly evicted: boolean;
  readonly exportedSpans: number;
  readonly durationMs: number;
  readonly spans: readonly TraceDetailSpan[];
  readonly resources: readonly { readonly service: string; readonly attributes: readonly [string, string][] }[];
}

const NS_PER_MS = 1e6;

/** Materialises `rows` (one trace's rows of `store`) with the engine's outcome for it. */
export function buildTraceDetail(store: SpanStore, rows: ArrayLike<number>, outcome: TraceOutcome): TraceDetail {
  const spans = Array.from({ length: rows.length }, (_, i) => spanAt(store, rows[i]!));
  let start: bigint | null = null;
  let end: bigint | null = null;
  for (const s of spans) {
    if (start === null || s.startTimeUnixNano < start) start = s.startTimeUnixNano;
    if (end === null || s.endTimeUnixNano > end) end = s.endTimeUnixNano;
  }
  const base = start ?? 0n;
  const resources: { service: string; attributes: [string, string][] }[] = [];
  const resourceIndex = new Map<StoredResource, number>();
  const out: TraceDetailSpan[] = spans.map((s, i) => {
    const row = rows[i]!;
    const res = resourceOf(store, row);
    let r = resourceIndex.get(res);
    if (r === undefined) {
      r = resources.length;
      resources.push({ service: res.serviceName, attributes: attributePairs(res.attributes) });
      resourceIndex.set(res, r);
    }
    const scope = store.scopes[store.scopeOf[row]!]!.scope;
    return {
      spanId: s.spanId,
      parentSpanId: s.parentSpanId,
      name: s.name,
      service: res.serviceName,
      kind: SPAN_KIND_NAMES[s.kind] ?? String(s.kind),
      startMs: Number(s.startTimeUnixNano - base) / NS_PER_MS,
      durationMs: Number(s.endTimeUnixNano - s.startTimeUnixNano) / NS_PER_MS,
      status: { code: STATUS_CODE_NAMES[s.status.code] ?? String(s.status.code), message: s.status.message },
      attributes: attributePairs(s.attributes),
      events: s.events.map((e) => ({ name: e.name, atMs: Number(e.timeUnixNano - base) / NS_PER_MS, attributes: attributePairs(e.attributes) })),
      links: s.links.map((l) => ({ traceId: l.traceId, spanId: l.spanId, attributes: attributePairs(l.attributes) })),
      scope: scope.version ? `${scope.name} ${scope.version}` : scope.name,
      resource: r,
    };
  });
  return {
    traceId: outcome.traceId,
    decision: outcome.decision,
    decidedBy: outcome.decidedBy,
    policies: outcome.policies,
    lateSpans: outcome.lateSpans,
    evicted: outcome.evicted,
    exportedSpans: outcome.exportedSpans,
    durationMs: start !== null && end !== null ? Number(end - start) / NS_PER_MS : 0,
    spans: out,
    resources,
  };
}
