/**
 * OTLP/JSON (`TracesData` / `ExportTraceServiceRequest`) objects to pdata, normalised at the
 * edge (engine-design.md "Ingest"): camelCase or snake_case keys, hex or base64 ids, enums as
 * numbers or names, 64-bit integers as strings or numbers. A span that cannot be read is
 * reported through the issue sink and skipped; the rest of its resource still loads.
 */
import type { AnyValue, Attributes, InstrumentationScope, Resource, ResourceSpans, Span, SpanEvent, SpanLink } from '../telemetry/pdata';
import { decodeBase64, isZeroId, parseOtlpId } from './idCodec';
import type { IssueSink } from './ingestTypes';
import { parseInt64, parseSpanKind, parseStatusCode, parseUint32, parseUint64 } from './otlpScalars';

type Obj = Record<string, unknown>;

const snakeCache = new Map<string, string>();
function snake(camel: string): string {
  let s = snakeCache.get(camel);
  if (s === undefined) {
    s = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(camel, s);
  }
  return s;
}

/** Field `camel` of `o`, also found under its snake_case name. */
export function field(o: Obj, camel: string): unknown {
  const v = o[camel];
  return v !== undefined ? v : o[snake(camel)];
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** A field that cannot be read; the record holding it is reported and skipped. */
export class FieldError extends Error {}

export function must<T extends string | number | bigint>(v: T | { error: string }): T {
  if (typeof v === 'object') throw new FieldError(v.error);
  return v;
}

/** One OTLP/JSON `AnyValue`; throws a FieldError when it cannot be read. */
export function anyValue(raw: unknown, where: string, depth = 0): AnyValue {
  if (!isObj(raw)) return { kind: 'empty' };
  if (depth > 32) throw new FieldError(`${where} is nested too deeply`);
  let v: unknown;
  if ((v = field(raw, 'stringValue')) !== undefined) return { kind: 'string', value: str(v) };
  if ((v = field(raw, 'boolValue')) !== undefined) return { kind: 'bool', value: v === true || v === 'true' };
  if ((v = field(raw, 'intValue')) !== undefined) return { kind: 'int', value: must(parseInt64(v, `${where}.intValue`)) };
  if ((v = field(raw, 'doubleValue')) !== undefined) {
    const n = typeof v === 'number' ? v : Number(v);
    if (typeof v !== 'number' && !(typeof v === 'string' && (v === 'NaN' || v === 'Infinity' || v === '-Infinity' || !Number.isNaN(n)))) {
      throw new FieldError(`${where}.doubleValue must be a number (got ${JSON.stringify(v)})`);
    }
    return { kind: 'double', value: n };
  }
  if ((v = field(raw, 'bytesValue')) !== undefined) {
    const b = decodeBase64(str(v));
    if (!b) throw new FieldError(`${where}.bytesValue must be base64`);
    return { kind: 'bytes', value: b };
  }
  if ((v = field(raw, 'arrayValue')) !== undefined) {
    const values = isObj(v) ? list(v.values) : [];
    return { kind: 'array', values: values.map((x, i) => anyValue(x, `${where}.arrayValue[${i}]`, depth + 1)) };
  }
  if ((v = field(raw, 'kvlistValue')) !== undefined) {
    return { kind: 'kvlist', values: attributes(isObj(v) ? v.values : undefined, `${where}.kvlistValue`, depth + 1) };
  }
  return { kind: 'empty' };
}

/** An OTLP/JSON `repeated KeyValue` as an ordered map (a repeated key keeps its last value). */
export function attributes(raw: unknown, where: string, depth = 0): Attributes {
  const out: Attributes = new Map();
  const items = list(raw);
  for (let i = 0; i < items.length; i++) {
    const kv = items[i];
    if (!isObj(kv)) continue;
    out.set(str(kv.key), anyValue(kv.value, `${where}[${i}]`, depth));
  }
  return out;
}

/** One OTLP/JSON span event; throws a FieldError when a field cannot be read. */
export function event(raw: unknown, where: string): SpanEvent {
  const e = isObj(raw) ? raw : {};
  return {
    timeUnixNano: must(parseUint64(field(e, 'timeUnixNano'), `${where}.timeUnixNano`)),
    name: str(e.name),
    attributes: attributes(e.attributes, `${where}.attributes`),
    droppedAttributesCount: must(parseUint32(field(e, 'droppedAttributesCount'), `${where}.droppedAttributesCount`)),
  };
}

function requiredId(value: unknown, bytes: 8 | 16, name: string): string {
  const id = must(parseOtlpId(value, bytes, name));
  if (id === '') throw new FieldError(`${name} is missing`);
  if (isZeroId(id)) throw new FieldError(`${name} is all zeros (an invalid id)`);
  return id;
}

/** One OTLP/JSON span link; throws a FieldError when a field cannot be read. */
export function link(raw: unknown, where: string): SpanLink {
  const l = isObj(raw) ? raw : {};
  return {
    traceId: requiredId(field(l, 'traceId'), 16, `${where}.traceId`),
    spanId: requiredId(field(l, 'spanId'), 8, `${where}.spanId`),
    traceState: str(field(l, 'traceState')),
    flags: must(parseUint32(l.flags, `${where}.flags`)),
    attributes: attributes(l.attributes, `${where}.attributes`),
    droppedAttributesCount: must(parseUint32(field(l, 'droppedAttributesCount'), `${where}.droppedAttributesCount`)),
  };
}

/** One OTLP/JSON span; throws a FieldError for the first field that cannot be read. */
function span(s: Obj): Span {
  const startTimeUnixNano = must(parseUint64(field(s, 'startTimeUnixNano'), 'startTimeUnixNano'));
  const endTimeUnixNano = must(parseUint64(field(s, 'endTimeUnixNano'), 'endTimeUnixNano'));
  const parent = must(parseOtlpId(field(s, 'parentSpanId'), 8, 'parentSpanId'));
  const status = isObj(s.status) ? s.status : {};
  return {
    traceId: requiredId(field(s, 'traceId'), 16, 'traceId'),
    spanId: requiredId(field(s, 'spanId'), 8, 'spanId'),
    parentSpanId: isZeroId(parent) ? '' : parent,
    traceState: str(field(s, 'traceState')),
    flags: must(parseUint32(s.flags, 'flags')),
    name: str(s.name),
    kind: must(parseSpanKind(s.kind)),
    startTimeUnixNano,
    endTimeUnixNano,
    attributes: attributes(s.attributes, 'attributes'),
    droppedAttributesCount: must(parseUint32(field(s, 'droppedAttributesCount'), 'droppedAttributesCount')),
    events: list(s.events).map((e, i) => event(e, `events[${i}]`)),
    droppedEventsCount: must(parseUint32(field(s, 'droppedEventsCount'), 'droppedEventsCount')),
    links: list(s.links).map((l, i) => link(l, `links[${i}]`)),
    droppedLinksCount: must(parseUint32(field(s, 'droppedLinksCount'), 'droppedLinksCount')),
    status: { code: must(parseStatusCode(status.code)), message: str(status.message) },
  };
}

/** An OTLP/JSON instrumentation scope; throws a FieldError when a field cannot be read. */
export function scope(raw: unknown, where: string): InstrumentationScope {
  const s = isObj(raw) ? raw : {};
  return {
    name: str(s.name),
    version: str(s.version),
    attributes: attributes(s.attributes, `${where}.attributes`),
    droppedAttributesCount: must(parseUint32(field(s, 'droppedAttributesCount'), `${where}.droppedAttributesCount`)),
  };
}

/** `fn()`, or null after reporting its FieldError at `where`. */
export function guarded<T>(fn: () => T, where: string, onIssue: IssueSink): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FieldError) {
      onIssue('error', where, e.message);
      return null;
    }
    throw e;
  }
}

/** One OTLP/JSON span as pdata, or null (reported) when a field cannot be read. */
export function spanFromJson(raw: unknown, where: string, onIssue: IssueSink): Span | null {
  if (!isObj(raw)) {
    onIssue('error', where, 'expected an object');
    return null;
  }
  return guarded(() => span(raw), where, onIssue);
}

/** What a reader of one `resourceSpans` element does with its parts (see `readResourceSpans`). */
export interface ResourceSpansVisitor {
  resource(resource: Resource, schemaUrl: string): void;
  /** A scope whose header reads; `ss` is the raw ScopeSpans object (its spans still unread). */
  scope(index: number, ss: Obj, scope: InstrumentationScope, ssWhere: string): void;
}

/**
 * Walks one `resourceSpans` element the way both readers need it (the pdata one below and the
 * column writer, `otlpJsonColumns`): the resource header, then each scope whose header reads. A
 * header that cannot be read is one issue and drops its spans. False when the element itself
 * cannot be used.
 */
export function readResourceSpans(raw: unknown, where: string, onIssue: IssueSink, visit: ResourceSpansVisitor): boolean {
  if (!isObj(raw)) {
    onIssue('error', where, `expected an object (got ${Array.isArray(raw) ? 'an array' : typeof raw})`);
    return false;
  }
  const header = guarded(
    () => {
      const r = isObj(raw.resource) ? raw.resource : {};
      return {
        attributes: attributes(r.attributes, `${where}.resource.attributes`),
        droppedAttributesCount: must(parseUint32(field(r, 'droppedAttributesCount'), `${where}.resource.droppedAttributesCount`)),
      };
    },
    where,
    onIssue,
  );
  if (!header) return false;
  visit.resource(header, str(field(raw, 'schemaUrl')));
  const scopes = list(field(raw, 'scopeSpans') ?? raw.instrumentationLibrarySpans ?? raw.instrumentation_library_spans);
  for (let j = 0; j < scopes.length; j++) {
    const ssWhere = `${where}.scopeSpans[${j}]`;
    const ss = scopes[j];
    if (!isObj(ss)) {
      onIssue('error', ssWhere, 'expected an object');
      continue;
    }
    const sc = guarded(() => scope(ss.scope ?? field(ss, 'instrumentationLibrary'), `${ssWhere}.scope`), ssWhere, onIssue);
    if (sc) visit.scope(j, ss, sc, ssWhere);
  }
  return true;
}

/**
 * One element of `resourceSpans` as pdata. `where` prefixes issue paths
 * (e.g. "resourceSpans[3]"). Spans with unreadable fields are reported and left out; a resource
 * or scope header that cannot be read drops its spans with one issue.
 */
export function resourceSpansFromJson(raw: unknown, where: string, onIssue: IssueSink): ResourceSpans | null {
  let out = null as ResourceSpans | null;
  readResourceSpans(raw, where, onIssue, {
    resource: (resource, schemaUrl) => {
      out = { resource, schemaUrl, scopeSpans: [] };
    },
    scope: (_index, ss, sc, ssWhere) => {
      const spans: Span[] = [];
      const rawSpans = list(ss.spans);
      for (let k = 0; k < rawSpans.length; k++) {
        const sp = spanFromJson(rawSpans[k], `${ssWhere}.spans[${k}]`, onIssue);
        if (sp) spans.push(sp);
      }
      out!.scopeSpans.push({ scope: sc, schemaUrl: str(field(ss, 'schemaUrl')), spans });
    },
  });
  return out;
}
