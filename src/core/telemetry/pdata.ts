/**
 * The in-memory trace model the simulated components work on, close to the Collector's pdata
 * (`ptrace`). Columnar storage (`telemetry/spanStore.ts`) keeps spans compactly while they wait;
 * components receive batches materialised in this shape, exactly as a Collector component receives
 * a `ptrace.Traces`, and the objects are dropped once a batch has passed.
 *
 * Invariants:
 * - ids are lowercase hex (`traceId` 32 digits, `spanId` 16; `parentSpanId` '' for a root);
 * - timestamps are exact nanoseconds since the epoch as `bigint` (they exceed 2^53);
 * - attribute maps keep insertion order (the debug exporter and OTLP output print in that order);
 * - OTLP distinguishes int64 from double, so values are tagged.
 */

export type AnyValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'double'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'bytes'; readonly value: Uint8Array }
  | { readonly kind: 'array'; readonly values: AnyValue[] }
  | { readonly kind: 'kvlist'; readonly values: Attributes }
  | { readonly kind: 'empty' };

/** Ordered attribute map (OTLP `repeated KeyValue`, keys unique as pdata keeps them). */
export type Attributes = Map<string, AnyValue>;

/** OTLP `Span.SpanKind`: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
export type SpanKind = 0 | 1 | 2 | 3 | 4 | 5;
/** OTLP `Status.StatusCode`: 0 unset, 1 ok, 2 error. */
export type StatusCode = 0 | 1 | 2;

export interface SpanEvent {
  timeUnixNano: bigint;
  name: string;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState: string;
  flags: number;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  traceState: string;
  flags: number;
  name: string;
  kind: SpanKind;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  droppedAttributesCount: number;
  events: SpanEvent[];
  droppedEventsCount: number;
  links: SpanLink[];
  droppedLinksCount: number;
  status: { code: StatusCode; message: string };
}

export interface Resource {
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface InstrumentationScope {
  name: string;
  version: string;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface ScopeSpans {
  scope: InstrumentationScope;
  schemaUrl: string;
  spans: Span[];
}

export interface ResourceSpans {
  resource: Resource;
  schemaUrl: string;
  scopeSpans: ScopeSpans[];
}

/** One payload, as a component's `ConsumeTraces` receives it. */
export interface TracesData {
  resourceSpans: ResourceSpans[];
}

export const SPAN_KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
] as const;

export const STATUS_CODE_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'] as const;

export function emptySpan(): Span {
  return {
    traceId: '',
    spanId: '',
    parentSpanId: '',
    traceState: '',
    flags: 0,
    name: '',
    kind: 0,
    startTimeUnixNano: 0n,
    endTimeUnixNano: 0n,
    attributes: new Map(),
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: 0, message: '' },
  };
}

/** Number of spans in a payload. */
export function spanCount(data: TracesData): number {
  let n = 0;
  for (const rs of data.resourceSpans) for (const ss of rs.scopeSpans) n += ss.spans.length;
  return n;
}
