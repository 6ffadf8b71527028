import {
  STATUS_CODE_NAMES,
  emptySpan,
  type AnyValue,
  type Attributes,
  type Resource,
  type ResourceSpans,
  type Span,
  type StatusCode,
  type TracesData,
} from '../telemetry/pdata';

/**
 * Converts the sampling vectors' span JSON (README "Common conventions": hex ids, decimal-string
 * nanos, OTLP/JSON typed values, status code names) into pdata.
 */

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function base64Bytes(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** An OTLP/JSON `AnyValue` (`{"stringValue": ...}`, `{"intValue": "42"}`, ...) as a tagged pdata value. */
export function vectorAnyValue(json: unknown): AnyValue {
  if (!isObject(json)) return { kind: 'empty' };
  if ('stringValue' in json) return { kind: 'string', value: String(json.stringValue) };
  if ('intValue' in json) return { kind: 'int', value: BigInt(json.intValue as string | number) };
  if ('doubleValue' in json) return { kind: 'double', value: Number(json.doubleValue) };
  if ('boolValue' in json) return { kind: 'bool', value: json.boolValue === true };
  if ('bytesValue' in json) return { kind: 'bytes', value: base64Bytes(String(json.bytesValue)) };
  if ('arrayValue' in json) {
    const arr = isObject(json.arrayValue) && Array.isArray(json.arrayValue.values) ? json.arrayValue.values : [];
    return { kind: 'array', values: arr.map(vectorAnyValue) };
  }
  if ('kvlistValue' in json) {
    const list = isObject(json.kvlistValue) && Array.isArray(json.kvlistValue.values) ? json.kvlistValue.values : [];
    const values: Attributes = new Map();
    for (const kv of list) if (isObject(kv)) values.set(String(kv.key), vectorAnyValue(kv.value));
    return { kind: 'kvlist', values };
  }
  return { kind: 'empty' };
}

/** An attribute object keyed by attribute key (vector form) as an ordered pdata map. */
export function vectorAttributes(json: unknown): Attributes {
  const out: Attributes = new Map();
  if (isObject(json)) for (const [k, v] of Object.entries(json)) out.set(k, vectorAnyValue(v));
  return out;
}

function statusCode(name: unknown): StatusCode {
  const i = STATUS_CODE_NAMES.indexOf(name as (typeof STATUS_CODE_NAMES)[number]);
  return i < 0 ? 0 : (i as StatusCode);
}

/** One vector span as a pdata span plus the resource it was recorded with. */
export function vectorSpan(json: unknown): { span: Span; resource: Resource } {
  const j = isObject(json) ? json : {};
  const span = emptySpan();
  span.traceId = String(j.traceId ?? '').toLowerCase();
  span.spanId = String(j.spanId ?? '').toLowerCase();
  span.parentSpanId = String(j.parentSpanId ?? '').toLowerCase();
  span.traceState = typeof j.traceState === 'string' ? j.traceState : '';
  span.flags = typeof j.flags === 'number' ? j.flags : 0;
  span.name = typeof j.name === 'string' ? j.name : '';
  if (typeof j.kind === 'number') span.kind = j.kind as Span['kind'];
  if (j.startTimeUnixNano !== undefined) span.startTimeUnixNano = BigInt(j.startTimeUnixNano as string);
  if (j.endTimeUnixNano !== undefined) span.endTimeUnixNano = BigInt(j.endTimeUnixNano as string);
  span.attributes = vectorAttributes(j.attributes);
  if (isObject(j.status)) span.status = { code: statusCode(j.status.code), message: String(j.status.message ?? '') };
  const res = isObject(j.resource) ? j.resource : {};
  return { span, resource: { attributes: vectorAttributes(res.attributes), droppedAttributesCount: 0 } };
}

/**
 * Vector spans → one `TracesData`, grouping spans by resource as OTLP does (one ResourceSpans per
 * distinct resource, in order of first appearance, each with one empty-named scope); spans keep
 * their array order within a group.
 */
export function vectorSpansToTraces(spans: readonly unknown[]): TracesData {
  const groups = new Map<string, ResourceSpans>();
  for (const json of spans) {
    const { span, resource } = vectorSpan(json);
    const key = JSON.stringify(isObject(json) && isObject(json.resource) ? (json.resource.attributes ?? {}) : {});
    let rs = groups.get(key);
    if (rs === undefined) {
      rs = { resource, schemaUrl: '', scopeSpans: [{ scope: { name: '', version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans: [] }] };
      groups.set(key, rs);
    }
    rs.scopeSpans[0]?.spans.push(span);
  }
  return { resourceSpans: [...groups.values()] };
}
