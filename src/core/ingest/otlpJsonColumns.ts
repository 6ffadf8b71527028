/**
 * OTLP/JSON objects (as `JSON.parse` returns them) straight into a SpanStore, without building
 * pdata spans first (issue #6: ingest close to the `JSON.parse` floor). Ids are decoded from
 * hex into the id-word columns, times from their decimal strings into u32 halves without
 * BigInt, strings interned as they are read.
 *
 * The store this builds equals, column for column, what `resourceSpansFromJson` followed by
 * `appendTracesData` builds from the same input (otlpJsonColumns.test.ts checks it on the
 * corpus): the same normalisation (snake_case keys, base64 ids, enum names, numbers as
 * strings), the same checks in the same order with the same messages, the same interning
 * order. Anything off the common path (base64 ids, huge integers, bytes/array/kvlist values,
 * a repeated attribute key, resource and scope headers) goes through the helpers of
 * `otlpJson.ts`, so it is the same code with the same messages.
 *
 * A span is written while it is read; when a field turns out unreadable the store is rolled
 * back to where it was before the span (`rollbackSpanStore`), so a skipped span leaves no trace.
 * A resource and its scopes are interned when their first span is kept, so a resource whose
 * spans were all skipped is not stored, exactly as on the pdata path; one equal to a recently
 * used one is found by comparing values rather than by building `internResource`'s key.
 *
 * `spanBytes` writes a span without any parsed object, from what `otlpJsonBytes` reads of its
 * bytes (decision 0016); a span that reader does not take comes back to `span`.
 */
import {
  appendAttributes,
  pushAttributeValue,
  pushBoolAttribute,
  pushDoubleAttribute,
  pushIntAttribute,
  pushStringAttribute,
  truncateAttributeColumns,
  type AttributeColumns,
} from '../telemetry/attributeColumns';
import { pushEvent } from '../telemetry/eventColumns';
import { hexToWords } from '../telemetry/idWords';
import { pushLink } from '../telemetry/linkColumns';
import { nanosHi, nanosLo } from '../telemetry/nanos';
import type { AnyValue, Attributes, InstrumentationScope } from '../telemetry/pdata';
import { createSpanStoreMark, internResource, internScope, markSpanStore, reserveRow, rollbackSpanStore, type SpanExtras, type SpanStore } from '../telemetry/spanStore';
import { internString, truncateStringTable, type StringTable } from '../telemetry/stringTable';
import { isZeroId, parseOtlpId } from './idCodec';
import { createSpanBytesReader, HALVES, nanosHalves } from './otlpJsonBytes';
import type { IssueSink } from './ingestTypes';
import { anyValue, attributes, field, FieldError, isObj, must, readResourceSpans, str } from './otlpJson';
import { parseInt64, parseSpanKind, parseStatusCode, parseUint32, parseUint64 } from './otlpScalars';

type Obj = Record<string, unknown>;

const EMPTY: Obj = {};
const EMPTY_VALUE: AnyValue = { kind: 'empty' };
const TWO32 = 4294967296;

/** Hex digit values by char code (-1: not a hex digit). */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX_VALUE[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX_VALUE[65 + i] = 10 + i;
  HEX_VALUE[97 + i] = 10 + i;
}
/** The byte two ASCII hex digits spell, by (first char code << 7 | second), or -1. */
const HEX_PAIR = new Int16Array(1 << 14).fill(-1);
for (let a = 0; a < 128; a++) for (let b = 0; b < 128; b++) if (HEX_VALUE[a]! >= 0 && HEX_VALUE[b]! >= 0) HEX_PAIR[(a << 7) | b] = HEX_VALUE[a]! * 16 + HEX_VALUE[b]!;

/** The number two ASCII digits spell, by (first char code << 7 | second), or -1. */
const DIGIT_PAIR = new Int8Array(1 << 14).fill(-1);
for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) DIGIT_PAIR[((48 + a) << 7) | (48 + b)] = a * 10 + b;

/** The decimal digits v[from, to) as a number (exact below 2^53), or -1 if one is not a digit. */
function digitsValue(v: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (; i + 1 < to; i += 2) {
    const c0 = v.charCodeAt(i);
    const c1 = v.charCodeAt(i + 1);
    if ((c0 | c1) > 127) return -1;
    const p = DIGIT_PAIR[(c0 << 7) | c1]!;
    if (p < 0) return -1;
    n = n * 100 + p;
  }
  if (i < to) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

// The halves of the last time read by `readTime` (module scratch: no allocation per call).
let timeHi = 0;
let timeLo = 0;

/** An unsigned 64-bit time (as `parseUint64` reads it) into `timeHi`/`timeLo`. */
function readTime(v: unknown, name: string): void {
  if (typeof v === 'string') {
    const len = v.length;
    if (len > 0 && len <= 20) {
      // value = a * 1e9 + b, with b the last 9 digits: both exact as numbers; two digits a step
      const split = len > 9 ? len - 9 : 0;
      const a = digitsValue(v, 0, split);
      const b = digitsValue(v, split, len);
      if (a >= 0 && b >= 0 && nanosHalves(a, b)) {
        timeHi = HALVES[0]!;
        timeLo = HALVES[1]!;
        return;
      }
    }
  } else if (typeof v === 'number') {
    if (Number.isSafeInteger(v) && v >= 0) {
      timeHi = Math.floor(v / TWO32);
      timeLo = v - timeHi * TWO32;
      return;
    }
  } else if (v === undefined || v === null) {
    timeHi = 0;
    timeLo = 0;
    return;
  }
  const t = must(parseUint64(v, name));
  timeHi = nanosHi(t);
  timeLo = nanosLo(t);
}

/**
 * An OTLP id (`words` 4 for a trace id, 2 for a span id) into `out` at `at`, read as
 * `parseOtlpId` reads it. A required id must be present and not all zeros; an optional one
 * (the parent) that is absent or all zeros is stored as zeros.
 */
function readId(v: unknown, words: 2 | 4, out: Uint32Array, at: number, name: string, required: boolean): void {
  if (typeof v === 'string' && v.length === words * 8) {
    let any = 0;
    let w = 0;
    for (let j = 0; w < words; w++, j += 8) {
      const c0 = v.charCodeAt(j);
      const c1 = v.charCodeAt(j + 1);
      const c2 = v.charCodeAt(j + 2);
      const c3 = v.charCodeAt(j + 3);
      const c4 = v.charCodeAt(j + 4);
      const c5 = v.charCodeAt(j + 5);
      const c6 = v.charCodeAt(j + 6);
      const c7 = v.charCodeAt(j + 7);
      if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) > 127) break;
      const h0 = HEX_PAIR[(c0 << 7) | c1]!;
      const h1 = HEX_PAIR[(c2 << 7) | c3]!;
      const h2 = HEX_PAIR[(c4 << 7) | c5]!;
      const h3 = HEX_PAIR[(c6 << 7) | c7]!;
      if ((h0 | h1 | h2 | h3) < 0) break;
      const x = (h0 << 24) | (h1 << 16) | (h2 << 8) | h3;
      out[at + w] = x;
      any |= x;
    }
    if (w === words && (any !== 0 || !required)) return;
  }
  let id = must(parseOtlpId(v, words === 4 ? 16 : 8, name));
  if (required) {
    if (id === '') throw new FieldError(`${name} is missing`);
    if (isZeroId(id)) throw new FieldError(`${name} is all zeros (an invalid id)`);
  } else if (isZeroId(id)) id = '';
  hexToWords(id, out, at, words);
}

/** A uint32 field as `parseUint32` reads it (absent → 0). */
function readUint32(v: unknown, name: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && v >= 0 && v <= 0xffffffff && Number.isInteger(v)) return v;
  return must(parseUint32(v, name));
}

/** `v` as a JSON string of an int32 ("-?digits", at most 9 digits), or NaN. */
function smallIntString(v: string): number {
  const len = v.length;
  let i = 0;
  let neg = false;
  if (len > 0 && v.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  if (len === i || len - i > 9) return NaN;
  let n = 0;
  for (; i < len; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return neg ? -n : n;
}

/** One `KeyValue.value`, stored as `anyValue` + `appendAttributes` would store it. */
function pushValue(cols: AttributeColumns, strings: StringTable, keyId: number, v: unknown, where: string, i: number): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    pushAttributeValue(cols, strings, keyId, EMPTY_VALUE);
    return;
  }
  const o = v as Obj;
  let x = o.stringValue;
  if (x === undefined) x = o.string_value;
  if (x !== undefined) {
    pushStringAttribute(cols, keyId, internString(strings, typeof x === 'string' ? x : str(x)));
    return;
  }
  x = o.boolValue;
  if (x === undefined) x = o.bool_value;
  if (x !== undefined) {
    pushBoolAttribute(cols, keyId, x === true || x === 'true');
    return;
  }
  x = o.intValue;
  if (x === undefined) x = o.int_value;
  if (x !== undefined) {
    const n = typeof x === 'string' ? smallIntString(x) : typeof x === 'number' && Number.isInteger(x) && x >= -0x80000000 && x <= 0x7fffffff ? x : NaN;
    if (!Number.isNaN(n)) pushIntAttribute(cols, keyId, n);
    else pushAttributeValue(cols, strings, keyId, { kind: 'int', value: must(parseInt64(x, `${where}[${i}].intValue`)) });
    return;
  }
  x = o.doubleValue;
  if (x === undefined) x = o.double_value;
  if (typeof x === 'number') {
    pushDoubleAttribute(cols, keyId, x);
    return;
  }
  pushAttributeValue(cols, strings, keyId, anyValue(v, `${where}[${i}]`));
}

function hasRepeatedKey(keys: Uint32Array, start: number, end: number): boolean {
  if (end - start <= 16) {
    for (let i = start + 1; i < end; i++) {
      const k = keys[i]!;
      for (let j = start; j < i; j++) if (keys[j] === k) return true;
    }
    return false;
  }
  const seen = new Set<number>();
  for (let i = start; i < end; i++) {
    if (seen.has(keys[i]!)) return true;
    seen.add(keys[i]!);
  }
  return false;
}

// Attribute keys by position in their list: spans of one kind repeat the same keys in the same
// order, and a key longer than 10 characters comes out of JSON.parse as a fresh string that a
// Map lookup must hash again. The cache holds the table's own string for an id; a hit is
// checked against the table (`values[id]` is that very string), so it is right for any table.
const KEY_CACHE = 32;
const keyCacheString: string[] = new Array<string>(KEY_CACHE).fill('');
const keyCacheId = new Int32Array(KEY_CACHE);

function internKey(strings: StringTable, key: string, i: number): number {
  if (i < KEY_CACHE) {
    const cached = keyCacheString[i]!;
    const id = keyCacheId[i]!;
    if (cached === key && strings.values[id] === cached) return id;
    const found = internString(strings, key);
    keyCacheString[i] = strings.values[found]!;
    keyCacheId[i] = found;
    return found;
  }
  return internString(strings, key);
}

/** An OTLP/JSON `repeated KeyValue` into `cols`, as `attributes` + `appendAttributes` store it. */
function writeAttributes(cols: AttributeColumns, strings: StringTable, raw: unknown, where: string): void {
  if (!Array.isArray(raw) || raw.length === 0) return;
  const start = cols.count;
  const stringsBefore = strings.values.length;
  const items = raw as unknown[];
  for (let i = 0; i < items.length; i++) {
    const kv = items[i];
    if (typeof kv !== 'object' || kv === null || Array.isArray(kv)) continue;
    const k = (kv as Obj).key;
    pushValue(cols, strings, internKey(strings, typeof k === 'string' ? k : str(k), i), (kv as Obj).value, where, i);
  }
  if (cols.count - start > 1 && hasRepeatedKey(cols.keys, start, cols.count)) {
    // a repeated key keeps its first position and its last value (an ordered map): redo
    // this list the pdata way, interning only what the map keeps
    truncateAttributeColumns(cols, start);
    truncateStringTable(strings, stringsBefore);
    appendAttributes(cols, strings, attributes(raw, where));
  }
}

/** One span event for `row`, as `event` + `appendEvent` store it. */
function writeEvent(store: SpanStore, row: number, raw: unknown, where: string): void {
  const e = isObj(raw) ? raw : EMPTY;
  let v = e.timeUnixNano;
  if (v === undefined) v = e.time_unix_nano;
  readTime(v, `${where}.timeUnixNano`);
  const cols = store.events;
  v = e.name;
  const i = pushEvent(cols, row, timeHi, timeLo, internString(store.strings, typeof v === 'string' ? v : str(v)));
  writeAttributes(cols.attrs, store.strings, e.attributes, `${where}.attributes`);
  v = e.droppedAttributesCount;
  if (v === undefined) v = e.dropped_attributes_count;
  const dropped = readUint32(v, `${where}.droppedAttributesCount`);
  if (dropped) cols.dropped.set(i, dropped);
}

/** One span link for `row`, as `link` + `appendLink` store it. */
function writeLink(store: SpanStore, row: number, raw: unknown, where: string): void {
  const l = isObj(raw) ? raw : EMPTY;
  const cols = store.links;
  // ids are checked before anything is stored: read them into scratch words first
  let v = l.traceId;
  if (v === undefined) v = l.trace_id;
  readId(v, 4, linkIds, 0, `${where}.traceId`, true);
  v = l.spanId;
  if (v === undefined) v = l.span_id;
  readId(v, 2, linkIds, 4, `${where}.spanId`, true);
  v = l.traceState;
  if (v === undefined) v = l.trace_state;
  const traceState = typeof v === 'string' ? v : str(v);
  const flags = readUint32(l.flags, `${where}.flags`);
  const i = pushLink(cols, row, internString(store.strings, traceState), flags);
  cols.traceIds.set(linkIds.subarray(0, 4), i * 4);
  cols.spanIds.set(linkIds.subarray(4, 6), i * 2);
  writeAttributes(cols.attrs, store.strings, l.attributes, `${where}.attributes`);
  v = l.droppedAttributesCount;
  if (v === undefined) v = l.dropped_attributes_count;
  const dropped = readUint32(v, `${where}.droppedAttributesCount`);
  if (dropped) cols.dropped.set(i, dropped);
}

const linkIds = new Uint32Array(6);

/** Writes span `s` into the reserved row `row`; throws a FieldError (the caller rolls back). */
function writeSpan(store: SpanStore, row: number, scope: number, s: Obj): void {
  const strings = store.strings;
  let v = s.startTimeUnixNano;
  if (v === undefined) v = s.start_time_unix_nano;
  readTime(v, 'startTimeUnixNano');
  store.startHi[row] = timeHi;
  store.startLo[row] = timeLo;
  v = s.endTimeUnixNano;
  if (v === undefined) v = s.end_time_unix_nano;
  readTime(v, 'endTimeUnixNano');
  store.endHi[row] = timeHi;
  store.endLo[row] = timeLo;
  v = s.parentSpanId;
  if (v === undefined) v = s.parent_span_id;
  readId(v, 2, store.parentIds, row * 2, 'parentSpanId', false);
  const statusRaw = s.status;
  const status = typeof statusRaw === 'object' && statusRaw !== null && !Array.isArray(statusRaw) ? (statusRaw as Obj) : EMPTY;
  v = s.traceId;
  if (v === undefined) v = s.trace_id;
  readId(v, 4, store.traceIds, row * 4, 'traceId', true);
  v = s.spanId;
  if (v === undefined) v = s.span_id;
  readId(v, 2, store.spanIds, row * 2, 'spanId', true);
  v = s.traceState;
  if (v === undefined) v = s.trace_state;
  const traceState = typeof v === 'string' ? v : str(v);
  const flags = readUint32(s.flags, 'flags');
  v = s.name;
  const name = typeof v === 'string' ? v : str(v);
  v = s.kind;
  const kind = typeof v === 'number' && v >= 0 && v <= 5 && (v | 0) === v ? v : v === undefined || v === null ? 0 : must(parseSpanKind(v));
  store.kinds[row] = kind;
  store.flags[row] = flags & 0xffff;
  store.names[row] = internString(strings, name);
  store.scopeOf[row] = scope;
  writeAttributes(store.spanAttrs, strings, s.attributes, 'attributes');
  v = s.droppedAttributesCount;
  if (v === undefined) v = s.dropped_attributes_count;
  const droppedAttributesCount = readUint32(v, 'droppedAttributesCount');
  v = s.events;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) writeEvent(store, row, v[i], `events[${i}]`);
  v = s.droppedEventsCount;
  if (v === undefined) v = s.dropped_events_count;
  const droppedEventsCount = readUint32(v, 'droppedEventsCount');
  v = s.links;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) writeLink(store, row, v[i], `links[${i}]`);
  v = s.droppedLinksCount;
  if (v === undefined) v = s.dropped_links_count;
  const droppedLinksCount = readUint32(v, 'droppedLinksCount');
  v = status.code;
  store.statuses[row] = typeof v === 'number' && v >= 0 && v <= 2 && (v | 0) === v ? v : v === undefined || v === null ? 0 : must(parseStatusCode(v));
  v = status.message;
  const statusMessage = typeof v === 'string' ? v : str(v);
  const flagsHigh = flags >>> 16;
  if (traceState || statusMessage || droppedAttributesCount || droppedEventsCount || droppedLinksCount || flagsHigh) {
    const e: SpanExtras = {};
    if (traceState) e.traceState = traceState;
    if (statusMessage) e.statusMessage = statusMessage;
    if (droppedAttributesCount) e.droppedAttributesCount = droppedAttributesCount;
    if (droppedEventsCount) e.droppedEventsCount = droppedEventsCount;
    if (droppedLinksCount) e.droppedLinksCount = droppedLinksCount;
    if (flagsHigh) e.flagsHigh = flagsHigh;
    store.extras.set(row, e);
  }
}

/**
 * Where the spans of scope `j` (the parsed scope object `ss`) come from when they were not
 * parsed with it: each in order, with its index in the scope's `spans` array, either parsed
 * (`visit`) or as its bytes, from its `{` to just after its `}` (`visitBytes`, which returns
 * false, having changed nothing, when the span must be parsed and visited instead).
 */
export type SpanSource = (
  j: number,
  ss: Record<string, unknown>,
  visit: (span: unknown, index: number) => void,
  visitBytes: (bytes: Uint8Array, start: number, end: number) => boolean,
) => void;

function remember(recent: number[], i: number): void {
  const at = recent.indexOf(i);
  if (at >= 0) recent.splice(at, 1);
  recent.unshift(i);
  if (recent.length > 16) recent.pop();
}

/**
 * True when two values are the same as `attributesKey` tells values apart (doubles by
 * `Object.is`, so NaN equals NaN and 0 differs from -0).
 */
function valueEqual(a: AnyValue, b: AnyValue): boolean {
  switch (a.kind) {
    case 'string':
    case 'bool':
    case 'int':
      return b.kind === a.kind && b.value === a.value;
    case 'double':
      return b.kind === 'double' && Object.is(a.value, b.value);
    case 'bytes': {
      if (b.kind !== 'bytes' || b.value.length !== a.value.length) return false;
      for (let i = 0; i < a.value.length; i++) if (a.value[i] !== b.value[i]) return false;
      return true;
    }
    case 'array': {
      if (b.kind !== 'array' || b.values.length !== a.values.length) return false;
      for (let i = 0; i < a.values.length; i++) if (!valueEqual(a.values[i]!, b.values[i]!)) return false;
      return true;
    }
    case 'kvlist':
      return b.kind === 'kvlist' && attributesEqual(a.values, b.values);
    default:
      return b.kind === 'empty';
  }
}

/** True when two attribute maps have the same entries in the same order. */
function attributesEqual(a: Attributes, b: Attributes): boolean {
  if (a.size !== b.size) return false;
  const ib = b.entries();
  for (const [k, v] of a) {
    const [kb, vb] = ib.next().value as [string, AnyValue];
    if (k !== kb || !valueEqual(v, vb)) return false;
  }
  return true;
}

/** Appends OTLP/JSON straight into one store; see the module comment. */
export interface OtlpColumnWriter {
  readonly store: SpanStore;
  /**
   * One element of `resourceSpans` (`where` e.g. "resourceSpans[3]"); returns the spans kept.
   * With `spansOf`, each scope's spans come from it instead of `ss.spans`.
   */
  resourceSpans(raw: unknown, where: string, onIssue: IssueSink, spansOf?: SpanSource): number;
  /** Starts a resource whose spans come one by one (a huge element); see `span`. */
  beginResource(resource: { readonly attributes: Attributes; readonly droppedAttributesCount: number }, schemaUrl: string): void;
  /** Starts a scope of the current resource; the following spans belong to it. */
  beginScope(scope: InstrumentationScope, schemaUrl: string): void;
  /** One span of the current scope, reported at `${scopeWhere}.spans[${index}]`; true when kept. */
  span(raw: unknown, scopeWhere: string, index: number, onIssue: IssueSink): boolean;
  /**
   * One span of the current scope read straight from bytes[start, end) (`otlpJsonBytes`), or
   * committed from what `stageSpan` parsed of it; true when kept, false when it must go through
   * `span` instead (the store is then unchanged). `bytes` holds the span's whole element.
   */
  spanBytes(bytes: Uint8Array, start: number, end: number): boolean;
  /**
   * Parses a span of an element being scanned ahead of `spanBytes` (see
   * `SpanBytesReader.stage`); returns the index after its `}`, or -1 when it was not taken.
   */
  stageSpan(b: Uint8Array, i: number, end: number, base: number, element: number, noNewline: boolean): number;
  /** Forgets what `stageSpan` parsed. */
  clearStaged(): void;
}

/** A writer appending to `store`. */
export function createOtlpColumnWriter(store: SpanStore): OtlpColumnWriter {
  const mark = createSpanStoreMark();
  let resource: { readonly attributes: Attributes; readonly droppedAttributesCount: number } = { attributes: new Map(), droppedAttributesCount: 0 };
  let resourceSchemaUrl = '';
  let resourceIndex = -1;
  let scopeIndex = -1;
  // scopes seen before the resource's first kept span: interned with it, in order
  let pending: { scope: InstrumentationScope; schemaUrl: string }[] = [];

  function beginResource(r: { readonly attributes: Attributes; readonly droppedAttributesCount: number }, schemaUrl: string): void {
    resource = r;
    resourceSchemaUrl = schemaUrl;
    resourceIndex = -1;
    scopeIndex = -1;
    pending = [];
  }

  function beginScope(sc: InstrumentationScope, schemaUrl: string): void {
    if (resourceIndex >= 0) scopeIndex = findScope(resourceIndex, sc, schemaUrl);
    else pending.push({ scope: sc, schemaUrl });
  }

  // The resources and scopes used last: an element of the same resource as one of them (the
  // usual case in an export) is matched by comparing values, without building the dedup key
  // `internResource` builds. Checked against the store itself, so never stale.
  const recentResources: number[] = [];
  const recentScopes: number[] = [];

  function findResource(): number {
    for (const i of recentResources) {
      const r = store.resources[i];
      if (r && r.droppedAttributesCount === resource.droppedAttributesCount && r.schemaUrl === resourceSchemaUrl && attributesEqual(r.attributes, resource.attributes)) return i;
    }
    const i = internResource(store, resource.attributes, resource.droppedAttributesCount, resourceSchemaUrl);
    remember(recentResources, i);
    return i;
  }

  function findScope(res: number, sc: InstrumentationScope, schemaUrl: string): number {
    for (const i of recentScopes) {
      const s = store.scopes[i];
      if (
        s &&
        s.resource === res &&
        s.schemaUrl === schemaUrl &&
        s.scope.name === sc.name &&
        s.scope.version === sc.version &&
        s.scope.droppedAttributesCount === sc.droppedAttributesCount &&
        attributesEqual(s.scope.attributes, sc.attributes)
      )
        return i;
    }
    const i = internScope(store, res, sc, schemaUrl);
    remember(recentScopes, i);
    return i;
  }

  function span(raw: unknown, scopeWhere: string, index: number, onIssue: IssueSink): boolean {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      onIssue('error', `${scopeWhere}.spans[${index}]`, 'expected an object');
      return false;
    }
    markSpanStore(store, mark);
    const fresh = resourceIndex < 0;
    try {
      if (fresh) {
        resourceIndex = findResource();
        for (const p of pending) scopeIndex = findScope(resourceIndex, p.scope, p.schemaUrl);
      }
      writeSpan(store, reserveRow(store), scopeIndex, raw as Obj);
    } catch (e) {
      rollbackSpanStore(store, mark);
      if (fresh) resourceIndex = -1;
      if (e instanceof FieldError) {
        onIssue('error', `${scopeWhere}.spans[${index}]`, e.message);
        return false;
      }
      throw e;
    }
    if (fresh) pending = [];
    return true;
  }

  const reader = createSpanBytesReader(store);

  function spanBytes(bytes: Uint8Array, start: number, end: number): boolean {
    markSpanStore(store, mark);
    const fresh = resourceIndex < 0;
    if (fresh) {
      resourceIndex = findResource();
      for (const p of pending) scopeIndex = findScope(resourceIndex, p.scope, p.schemaUrl);
    }
    if (reader.read(bytes, start, end, reader.take(start), reserveRow(store), scopeIndex)) {
      if (fresh) pending = [];
      return true;
    }
    rollbackSpanStore(store, mark);
    if (fresh) resourceIndex = -1;
    return false;
  }

  function resourceSpans(raw: unknown, where: string, onIssue: IssueSink, spansOf?: SpanSource): number {
    let kept = 0;
    readResourceSpans(raw, where, onIssue, {
      resource: beginResource,
      scope: (j, ss, sc, ssWhere) => {
        beginScope(sc, str(field(ss, 'schemaUrl')));
        if (spansOf) {
          spansOf(
            j,
            ss,
            (rawSpan, k) => {
              if (span(rawSpan, ssWhere, k, onIssue)) kept++;
            },
            (bytes, start, end) => {
              if (!spanBytes(bytes, start, end)) return false;
              kept++;
              return true;
            },
          );
          return;
        }
        const spans = ss.spans;
        if (!Array.isArray(spans)) return;
        for (let k = 0; k < spans.length; k++) if (span(spans[k], ssWhere, k, onIssue)) kept++;
      },
    });
    return kept;
  }

  return { store, resourceSpans, beginResource, beginScope, span, spanBytes, stageSpan: reader.stage, clearStaged: reader.clear };
}
