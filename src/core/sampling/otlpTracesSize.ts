import type { AnyValue, Attributes, InstrumentationScope, Resource, ResourceSpans, ScopeSpans, Span } from '../telemetry/pdata';

/**
 * Protobuf-encoded size in bytes of OTLP `TracesData` (what `ptrace.ProtoMarshaler.TracesSize`
 * returns), for `bytes_limiting` and `maximum_trace_size_bytes` (sampling-spec §2.1.6, §2.4.9).
 * Proto3 rules: default values are omitted; length-delimited fields cost tag + varint length + body.
 */

function varintSize(n: number): number {
  let size = 1;
  let v = n;
  while (v >= 128) {
    v = Math.floor(v / 128);
    size++;
  }
  return size;
}

function varint64Size(n: bigint): number {
  let v = n < 0n ? n + (1n << 64n) : n;
  let size = 1;
  while (v >= 128n) {
    v >>= 7n;
    size++;
  }
  return size;
}

/** A length-delimited field of body size `len` (tag numbers here are all < 16: 1-byte tags). */
function lenField(len: number): number {
  return 1 + varintSize(len) + len;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function strField(s: string): number {
  return s === '' ? 0 : lenField(utf8Length(s));
}

function anyValueSize(v: AnyValue): number {
  switch (v.kind) {
    case 'string':
      return lenField(utf8Length(v.value)); // oneof fields are written even when empty
    case 'bool':
      return 2;
    case 'int':
      return 1 + varint64Size(v.value);
    case 'double':
      return 9;
    case 'bytes':
      return lenField(v.value.length);
    case 'array': {
      let body = 0;
      for (const item of v.values) body += lenField(anyValueSize(item));
      return lenField(body);
    }
    case 'kvlist':
      return lenField(attributesSize(v.values));
    case 'empty':
      return 0;
  }
}

/** Size of a repeated KeyValue field's entries (each KeyValue as a length-delimited field). */
function attributesSize(attrs: Attributes): number {
  let total = 0;
  for (const [k, v] of attrs) {
    const body = strField(k) + lenField(anyValueSize(v));
    total += lenField(body);
  }
  return total;
}

function u32Field(n: number): number {
  return n === 0 ? 0 : 1 + varintSize(n);
}

function fixed64Field(n: bigint): number {
  return n === 0n ? 0 : 9;
}

function hexIdField(hex: string): number {
  return hex === '' ? 0 : lenField(hex.length / 2);
}

function spanSize(s: Span): number {
  let n = hexIdField(s.traceId) + hexIdField(s.spanId) + strField(s.traceState) + hexIdField(s.parentSpanId);
  n += strField(s.name) + u32Field(s.kind) + fixed64Field(s.startTimeUnixNano) + fixed64Field(s.endTimeUnixNano);
  n += attributesSize(s.attributes) + u32Field(s.droppedAttributesCount);
  for (const e of s.events) {
    const body = fixed64Field(e.timeUnixNano) + strField(e.name) + attributesSize(e.attributes) + u32Field(e.droppedAttributesCount);
    n += lenField(body);
  }
  n += u32Field(s.droppedEventsCount);
  for (const l of s.links) {
    const body =
      hexIdField(l.traceId) + hexIdField(l.spanId) + strField(l.traceState) + attributesSize(l.attributes) + u32Field(l.droppedAttributesCount) + (l.flags === 0 ? 0 : 5);
    n += lenField(body);
  }
  n += u32Field(s.droppedLinksCount);
  // status, scope and resource are non-nullable embedded messages: always written, even empty.
  n += lenField(strField(s.status.message) + u32Field(s.status.code));
  if (s.flags !== 0) n += 6; // field 16 fixed32: 2-byte tag + 4
  return n;
}

function scopeSize(scope: InstrumentationScope): number {
  return strField(scope.name) + strField(scope.version) + attributesSize(scope.attributes) + u32Field(scope.droppedAttributesCount);
}

function resourceSize(r: Resource): number {
  return attributesSize(r.attributes) + u32Field(r.droppedAttributesCount);
}

function scopeSpansSize(ss: ScopeSpans): number {
  let n = lenField(scopeSize(ss.scope));
  for (const span of ss.spans) n += lenField(spanSize(span));
  return n + strField(ss.schemaUrl);
}

/** Size of one ResourceSpans message body. */
function resourceSpansSize(rs: ResourceSpans): number {
  let n = lenField(resourceSize(rs.resource));
  for (const ss of rs.scopeSpans) n += lenField(scopeSpansSize(ss));
  return n + strField(rs.schemaUrl);
}

/** Protobuf size of a TracesData holding `batches` as its ResourceSpans. */
export function otlpTracesSize(batches: readonly ResourceSpans[]): number {
  let n = 0;
  for (const rs of batches) n += lenField(resourceSpansSize(rs));
  return n;
}
