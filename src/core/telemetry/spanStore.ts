/**
 * Columnar span storage (engine-design.md "Storage"; performance.md §1: columns plus a string
 * table hold ~100 B/span against ~1,021 B/span for parsed objects, and group by trace 5× faster).
 *
 * One row per span. Ids are u32 words (trace 4, span 2, parent 2; all-zero = empty, as pdata's
 * empty `SpanID`), timestamps exact as u32 halves, kind/status u8, name a string id, and the
 * span's scope an index into `scopes` (which points at its resource): resource and scope
 * attributes are stored once and shared by their spans, as OTLP groups them. Identical
 * resources (and identical scopes within one resource) are merged on append, so spans that
 * arrive in separate payloads from the same service share one resource entry.
 *
 * Rare per-span fields (trace state, status message, dropped counts, flag bits above 16) live
 * in the sparse `extras` map so the common span stays small.
 *
 * The store only grows (capacity doubling); rows are appended in order and never move, so a
 * row number is a stable handle for overlays and per-trace results.
 */
import {
  appendAttributes,
  attributeColumnBytes,
  createAttributeColumns,
  readAttributes,
  truncateAttributeColumns,
  trimAttributeColumns,
  type AttributeColumns,
} from './attributeColumns';
import { appendEvent, createEventColumns, eventColumnBytes, readEvents, trimEventColumns, type EventColumns } from './eventColumns';
import { growTo, nextCapacity, shrinkTo } from './growable';
import { hexToWords, wordsToHex } from './idWords';
import { appendLink, createLinkColumns, linkColumnBytes, readLinks, trimLinkColumns, type LinkColumns } from './linkColumns';
import { nanosDiff, nanosFromHalves, nanosHi, nanosLo } from './nanos';
import type { AnyValue, Attributes, InstrumentationScope, Span, SpanKind, StatusCode, TracesData } from './pdata';
import { createStringTable, internString, stringAt, stringTableBytes, truncateStringTable, type StringTable } from './stringTable';

/** A resource as stored once for all of its spans. */
export interface StoredResource {
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
  readonly schemaUrl: string;
  /** `service.name` when it is a string attribute, else ''. */
  readonly serviceName: string;
  readonly serviceNameId: number;
}

/** An instrumentation scope within one resource. */
export interface StoredScope {
  readonly resource: number;
  readonly scope: InstrumentationScope;
  readonly schemaUrl: string;
}

/** Per-span fields that are usually empty. */
export interface SpanExtras {
  traceState?: string;
  statusMessage?: string;
  droppedAttributesCount?: number;
  droppedEventsCount?: number;
  droppedLinksCount?: number;
  /** Bits 16..31 of `flags` (the column keeps bits 0..15). */
  flagsHigh?: number;
}

export interface SpanStore {
  count: number;
  readonly strings: StringTable;
  /** 4 words per row. */
  traceIds: Uint32Array;
  /** 2 words per row. */
  spanIds: Uint32Array;
  /** 2 words per row; zero for a root span. */
  parentIds: Uint32Array;
  startHi: Uint32Array;
  startLo: Uint32Array;
  endHi: Uint32Array;
  endLo: Uint32Array;
  kinds: Uint8Array;
  statuses: Uint8Array;
  flags: Uint16Array;
  names: Uint32Array;
  /** Index into `scopes`. */
  scopeOf: Uint32Array;
  /** Start of the row's attributes in `spanAttrs`; the end is the next row's start. */
  attrStart: Uint32Array;
  readonly spanAttrs: AttributeColumns;
  readonly extras: Map<number, SpanExtras>;
  readonly resources: StoredResource[];
  readonly scopes: StoredScope[];
  readonly events: EventColumns;
  readonly links: LinkColumns;
  /** Dedup keys → index (see attributesKey). */
  readonly resourceIndex: Map<string, number>;
  readonly scopeIndex: Map<string, number>;
}

/** Rows [start, end) appended by one call. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** An empty store with room for `capacity` spans before it first grows. */
export function createSpanStore(capacity = 1024): SpanStore {
  const c = Math.max(1, capacity);
  return {
    count: 0,
    strings: createStringTable(),
    traceIds: new Uint32Array(c * 4),
    spanIds: new Uint32Array(c * 2),
    parentIds: new Uint32Array(c * 2),
    startHi: new Uint32Array(c),
    startLo: new Uint32Array(c),
    endHi: new Uint32Array(c),
    endLo: new Uint32Array(c),
    kinds: new Uint8Array(c),
    statuses: new Uint8Array(c),
    flags: new Uint16Array(c),
    names: new Uint32Array(c),
    scopeOf: new Uint32Array(c),
    attrStart: new Uint32Array(c),
    spanAttrs: createAttributeColumns(c * 4),
    extras: new Map(),
    resources: [],
    scopes: [],
    events: createEventColumns(),
    links: createLinkColumns(),
    resourceIndex: new Map(),
    scopeIndex: new Map(),
  };
}

function valueKey(v: AnyValue): string {
  switch (v.kind) {
    case 'string':
      return `s${JSON.stringify(v.value)}`;
    case 'int':
      return `i${v.value}`;
    case 'double':
      return `d${Object.is(v.value, -0) ? '-0' : String(v.value)}`;
    case 'bool':
      return v.value ? 'T' : 'F';
    case 'bytes':
      return `b${Array.from(v.value).join(',')}`;
    case 'array':
      return `[${v.values.map(valueKey).join(',')}]`;
    case 'kvlist':
      return `{${attributesKey(v.values)}}`;
    default:
      return 'e';
  }
}

/** A canonical string for an attribute map (order-sensitive, as pdata keeps insertion order). */
export function attributesKey(attrs: Attributes): string {
  let s = '';
  for (const [k, v] of attrs) s += `${JSON.stringify(k)}:${valueKey(v)};`;
  return s;
}

/** The index of a resource, adding it when no identical one is stored yet. */
export function internResource(store: SpanStore, attributes: Attributes, droppedAttributesCount: number, schemaUrl: string): number {
  const key = `${schemaUrl}\u0000${droppedAttributesCount}\u0000${attributesKey(attributes)}`;
  const found = store.resourceIndex.get(key);
  if (found !== undefined) return found;
  const svc = attributes.get('service.name');
  const serviceName = svc?.kind === 'string' ? svc.value : '';
  const index = store.resources.length;
  store.resources.push({ attributes, droppedAttributesCount, schemaUrl, serviceName, serviceNameId: internString(store.strings, serviceName) });
  store.resourceIndex.set(key, index);
  return index;
}

/** The index of a scope within `resource`, adding it when no identical one is stored yet. */
export function internScope(store: SpanStore, resource: number, scope: InstrumentationScope, schemaUrl: string): number {
  const key = `${resource}\u0000${schemaUrl}\u0000${JSON.stringify(scope.name)}\u0000${JSON.stringify(scope.version)}\u0000${scope.droppedAttributesCount}\u0000${attributesKey(scope.attributes)}`;
  const found = store.scopeIndex.get(key);
  if (found !== undefined) return found;
  const index = store.scopes.length;
  store.scopes.push({ resource, scope, schemaUrl });
  store.scopeIndex.set(key, index);
  return index;
}

/** Makes room for one more row and returns its index (the row's columns are zero). */
export function reserveRow(store: SpanStore): number {
  const row = store.count;
  const n = row + 1;
  if (n > store.startHi.length) {
    const cap = nextCapacity(store.startHi.length, n);
    store.traceIds = growTo(store.traceIds, cap * 4);
    store.spanIds = growTo(store.spanIds, cap * 2);
    store.parentIds = growTo(store.parentIds, cap * 2);
    store.startHi = growTo(store.startHi, cap);
    store.startLo = growTo(store.startLo, cap);
    store.endHi = growTo(store.endHi, cap);
    store.endLo = growTo(store.endLo, cap);
    store.kinds = growTo(store.kinds, cap);
    store.statuses = growTo(store.statuses, cap);
    store.flags = growTo(store.flags, cap);
    store.names = growTo(store.names, cap);
    store.scopeOf = growTo(store.scopeOf, cap);
    store.attrStart = growTo(store.attrStart, cap);
  }
  store.attrStart[row] = store.spanAttrs.count;
  store.count = n;
  return row;
}

function extrasOf(store: SpanStore, row: number): SpanExtras {
  let e = store.extras.get(row);
  if (!e) {
    e = {};
    store.extras.set(row, e);
  }
  return e;
}

/** Sets the status message of `row` (kept sparse). */
export function setStatusMessage(store: SpanStore, row: number, message: string): void {
  if (message) extrasOf(store, row).statusMessage = message;
}

/** Appends one pdata span under stored scope `scope` and returns its row. */
export function appendSpan(store: SpanStore, scope: number, span: Span): number {
  const row = reserveRow(store);
  hexToWords(span.traceId, store.traceIds, row * 4, 4);
  hexToWords(span.spanId, store.spanIds, row * 2, 2);
  hexToWords(span.parentSpanId, store.parentIds, row * 2, 2);
  store.startHi[row] = nanosHi(span.startTimeUnixNano);
  store.startLo[row] = nanosLo(span.startTimeUnixNano);
  store.endHi[row] = nanosHi(span.endTimeUnixNano);
  store.endLo[row] = nanosLo(span.endTimeUnixNano);
  store.kinds[row] = span.kind;
  store.statuses[row] = span.status.code;
  store.flags[row] = span.flags & 0xffff;
  store.names[row] = internString(store.strings, span.name);
  store.scopeOf[row] = scope;
  appendAttributes(store.spanAttrs, store.strings, span.attributes);
  const flagsHigh = span.flags >>> 16;
  if (span.traceState || span.status.message || span.droppedAttributesCount || span.droppedEventsCount || span.droppedLinksCount || flagsHigh) {
    const e = extrasOf(store, row);
    if (span.traceState) e.traceState = span.traceState;
    if (span.status.message) e.statusMessage = span.status.message;
    if (span.droppedAttributesCount) e.droppedAttributesCount = span.droppedAttributesCount;
    if (span.droppedEventsCount) e.droppedEventsCount = span.droppedEventsCount;
    if (span.droppedLinksCount) e.droppedLinksCount = span.droppedLinksCount;
    if (flagsHigh) e.flagsHigh = flagsHigh;
  }
  for (const ev of span.events) appendEvent(store.events, store.strings, row, ev);
  for (const l of span.links) appendLink(store.links, store.strings, row, l);
  return row;
}

/**
 * Appends every span of a payload (the ingest target). The payload's objects are not kept,
 * except resource and scope attribute maps, stored once per distinct resource/scope.
 */
export function appendTracesData(store: SpanStore, data: TracesData): RowRange {
  const start = store.count;
  for (const rs of data.resourceSpans) {
    const res = internResource(store, rs.resource.attributes, rs.resource.droppedAttributesCount, rs.schemaUrl);
    for (const ss of rs.scopeSpans) {
      const sc = internScope(store, res, ss.scope, ss.schemaUrl);
      for (const span of ss.spans) appendSpan(store, sc, span);
    }
  }
  return { start, end: store.count };
}

/**
 * Where a store ends: a mark to roll an unfinished append back to (the direct ingest path
 * writes a span's columns as it reads the span and undoes them if a field turns out invalid).
 */
export interface SpanStoreMark {
  count: number;
  strings: number;
  resources: number;
  scopes: number;
  spanAttrs: number;
  events: number;
  links: number;
}

/** A mark to pass to `markSpanStore` (reuse one for many marks). */
export function createSpanStoreMark(): SpanStoreMark {
  return { count: 0, strings: 0, resources: 0, scopes: 0, spanAttrs: 0, events: 0, links: 0 };
}

/** Records where every part of `store` ends now into `into`. */
export function markSpanStore(store: SpanStore, into: SpanStoreMark = createSpanStoreMark()): SpanStoreMark {
  into.count = store.count;
  into.strings = store.strings.values.length;
  into.resources = store.resources.length;
  into.scopes = store.scopes.length;
  into.spanAttrs = store.spanAttrs.count;
  into.events = store.events.count;
  into.links = store.links.count;
  return into;
}

function dropIndexFrom(index: Map<string, number>, first: number): void {
  for (const [key, i] of index) if (i >= first) index.delete(key);
}

/**
 * Undoes everything appended since `mark` was taken: rows (their columns zeroed again, as
 * `reserveRow` hands them out), attributes, events, links, extras, interned strings, and
 * resources and scopes added since. The store is then as if those appends never happened.
 */
export function rollbackSpanStore(store: SpanStore, mark: SpanStoreMark): void {
  const from = mark.count;
  const to = store.count;
  if (to > from) {
    store.traceIds.fill(0, from * 4, to * 4);
    store.spanIds.fill(0, from * 2, to * 2);
    store.parentIds.fill(0, from * 2, to * 2);
    for (const col of [store.startHi, store.startLo, store.endHi, store.endLo, store.names, store.scopeOf, store.attrStart]) col.fill(0, from, to);
    store.kinds.fill(0, from, to);
    store.statuses.fill(0, from, to);
    store.flags.fill(0, from, to);
    for (let row = from; row < to; row++) store.extras.delete(row);
    store.count = from;
  }
  truncateAttributeColumns(store.spanAttrs, mark.spanAttrs);
  const ev = store.events;
  if (ev.count > mark.events) {
    truncateAttributeColumns(ev.attrs, ev.attrStart[mark.events]!);
    for (const col of [ev.span, ev.timeHi, ev.timeLo, ev.name, ev.attrStart]) col.fill(0, mark.events, ev.count);
    for (let i = mark.events; i < ev.count; i++) ev.dropped.delete(i);
    ev.count = mark.events;
  }
  const ln = store.links;
  if (ln.count > mark.links) {
    truncateAttributeColumns(ln.attrs, ln.attrStart[mark.links]!);
    ln.traceIds.fill(0, mark.links * 4, ln.count * 4);
    ln.spanIds.fill(0, mark.links * 2, ln.count * 2);
    for (const col of [ln.span, ln.traceState, ln.flags, ln.attrStart]) col.fill(0, mark.links, ln.count);
    for (let i = mark.links; i < ln.count; i++) ln.dropped.delete(i);
    ln.count = mark.links;
  }
  if (store.scopes.length > mark.scopes) {
    store.scopes.length = mark.scopes;
    dropIndexFrom(store.scopeIndex, mark.scopes);
  }
  if (store.resources.length > mark.resources) {
    store.resources.length = mark.resources;
    dropIndexFrom(store.resourceIndex, mark.resources);
  }
  truncateStringTable(store.strings, mark.strings);
}

/** The end of row `row`'s attribute range in `spanAttrs`. */
export function attrEnd(store: SpanStore, row: number): number {
  return row + 1 < store.count ? store.attrStart[row + 1]! : store.spanAttrs.count;
}

/** Trace id of `row` as 32 hex digits. */
export function traceIdHex(store: SpanStore, row: number): string {
  return wordsToHex(store.traceIds, row * 4, 4) || '0'.repeat(32);
}

/** Span id of `row` as 16 hex digits. */
export function spanIdHex(store: SpanStore, row: number): string {
  return wordsToHex(store.spanIds, row * 2, 2) || '0'.repeat(16);
}

/** Parent span id of `row`, '' for a root. */
export function parentSpanIdHex(store: SpanStore, row: number): string {
  return wordsToHex(store.parentIds, row * 2, 2);
}

/** True when `row` has no parent span id. */
export function isRoot(store: SpanStore, row: number): boolean {
  return store.parentIds[row * 2] === 0 && store.parentIds[row * 2 + 1] === 0;
}

/** Start of `row` in ns since the epoch. */
export function spanStartNs(store: SpanStore, row: number): bigint {
  return nanosFromHalves(store.startHi[row]!, store.startLo[row]!);
}

/** End of `row` in ns since the epoch. */
export function spanEndNs(store: SpanStore, row: number): bigint {
  return nanosFromHalves(store.endHi[row]!, store.endLo[row]!);
}

/** end − start of `row` in integer ns (exact below 2^53 ns). */
export function spanDurationNs(store: SpanStore, row: number): number {
  return nanosDiff(store.startHi[row]!, store.startLo[row]!, store.endHi[row]!, store.endLo[row]!);
}

/** Name of `row`. */
export function spanName(store: SpanStore, row: number): string {
  return stringAt(store.strings, store.names[row]!);
}

/** The stored resource of `row`. */
export function resourceOf(store: SpanStore, row: number): StoredResource {
  return store.resources[store.scopes[store.scopeOf[row]!]!.resource]!;
}

/** `service.name` of `row`'s resource ('' when absent). */
export function serviceNameOf(store: SpanStore, row: number): string {
  return resourceOf(store, row).serviceName;
}

/**
 * What a long run over one store reuses between `spanAt` calls: the hex id of each trace (one
 * string per trace, so maps keyed by trace id hash it once) and one immutable string value per
 * string-table id.
 */
export interface SpanReadCache {
  /** Trace index of each row (`groupByTrace(store).traceOfRow`). */
  readonly traceOfRow: Uint32Array;
  readonly traceHex: (string | undefined)[];
  readonly stringValues: (AnyValue | undefined)[];
}

export function createSpanReadCache(traceOfRow: Uint32Array): SpanReadCache {
  return { traceOfRow, traceHex: [], stringValues: [] };
}

/** Rebuilds `row` as a pdata span (a fresh object; `cache` only shares immutable parts). */
export function spanAt(store: SpanStore, row: number, cache?: SpanReadCache): Span {
  let traceId: string;
  if (cache) {
    const t = cache.traceOfRow[row]!;
    traceId = cache.traceHex[t] ??= traceIdHex(store, row);
  } else traceId = traceIdHex(store, row);
  return readSpan(store, row, traceId, cache?.stringValues);
}

/**
 * `spanAt` with the trace id already known (the caller holds the one string of its trace) and
 * string values shared through `stringValues` (one immutable value per string-table id).
 */
export function readSpan(store: SpanStore, row: number, traceId: string, stringValues?: (AnyValue | undefined)[]): Span {
  const e = store.extras.get(row);
  return {
    traceId,
    spanId: spanIdHex(store, row),
    parentSpanId: parentSpanIdHex(store, row),
    traceState: e?.traceState ?? '',
    flags: (store.flags[row]! | ((e?.flagsHigh ?? 0) << 16)) >>> 0,
    name: spanName(store, row),
    kind: store.kinds[row]! as SpanKind,
    startTimeUnixNano: spanStartNs(store, row),
    endTimeUnixNano: spanEndNs(store, row),
    attributes: readAttributes(store.spanAttrs, store.strings, store.attrStart[row]!, attrEnd(store, row), stringValues),
    droppedAttributesCount: e?.droppedAttributesCount ?? 0,
    events: readEvents(store.events, store.strings, row),
    droppedEventsCount: e?.droppedEventsCount ?? 0,
    links: readLinks(store.links, store.strings, row),
    droppedLinksCount: e?.droppedLinksCount ?? 0,
    status: { code: store.statuses[row]! as StatusCode, message: e?.statusMessage ?? '' },
  };
}

/** Shrinks every column to its used length (after a load, before a long-lived run). */
export function trimSpanStore(store: SpanStore): void {
  const n = store.count;
  store.traceIds = shrinkTo(store.traceIds, n * 4);
  store.spanIds = shrinkTo(store.spanIds, n * 2);
  store.parentIds = shrinkTo(store.parentIds, n * 2);
  store.startHi = shrinkTo(store.startHi, n);
  store.startLo = shrinkTo(store.startLo, n);
  store.endHi = shrinkTo(store.endHi, n);
  store.endLo = shrinkTo(store.endLo, n);
  store.kinds = shrinkTo(store.kinds, n);
  store.statuses = shrinkTo(store.statuses, n);
  store.flags = shrinkTo(store.flags, n);
  store.names = shrinkTo(store.names, n);
  store.scopeOf = shrinkTo(store.scopeOf, n);
  store.attrStart = shrinkTo(store.attrStart, n);
  trimAttributeColumns(store.spanAttrs);
  trimEventColumns(store.events);
  trimLinkColumns(store.links);
}

function mapBytes(attrs: Attributes): number {
  let n = 64;
  for (const [k, v] of attrs) n += 48 + k.length + (v.kind === 'string' ? 16 + v.value.length : 16);
  return n;
}

/**
 * Bytes retained by the store: every column buffer's byteLength (capacity, not just the used
 * part) plus estimates for the string table, the sparse maps and the shared resource/scope
 * objects. Used for the memory figure the UI shows and for the ≤150 B/span budget.
 */
export function bytesRetained(store: SpanStore): number {
  let n =
    store.traceIds.byteLength +
    store.spanIds.byteLength +
    store.parentIds.byteLength +
    store.startHi.byteLength +
    store.startLo.byteLength +
    store.endHi.byteLength +
    store.endLo.byteLength +
    store.kinds.byteLength +
    store.statuses.byteLength +
    store.flags.byteLength +
    store.names.byteLength +
    store.scopeOf.byteLength +
    store.attrStart.byteLength;
  n += attributeColumnBytes(store.spanAttrs) + eventColumnBytes(store.events) + linkColumnBytes(store.links);
  n += stringTableBytes(store.strings);
  n += store.extras.size * 96;
  for (const r of store.resources) n += 96 + mapBytes(r.attributes);
  for (const s of store.scopes) n += 96 + mapBytes(s.scope.attributes) + s.scope.name.length + s.scope.version.length;
  return n;
}
