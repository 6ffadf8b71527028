/**
 * pdata → OTLP/JSON (the protobuf JSON mapping the Collector's file exporter writes): camelCase
 * keys, hex ids, int64 as decimal strings, enums as numbers, attributes as key/value arrays.
 */
import type { AnyValue, Attributes, TracesData } from './pdata';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function encodeValue(v: AnyValue): Json {
  switch (v.kind) {
    case 'string':
      return { stringValue: v.value };
    case 'int':
      return { intValue: v.value.toString() };
    case 'double':
      return { doubleValue: Number.isFinite(v.value) ? v.value : String(v.value) };
    case 'bool':
      return { boolValue: v.value };
    case 'bytes': {
      let binary = '';
      for (const b of v.value) binary += String.fromCharCode(b);
      return { bytesValue: btoa(binary) };
    }
    case 'array':
      return { arrayValue: { values: v.values.map(encodeValue) } };
    case 'kvlist':
      return { kvlistValue: { values: encodeAttributes(v.values) } };
    default:
      return {};
  }
}

function encodeAttributes(attrs: Attributes): Json[] {
  return [...attrs].map(([key, value]) => ({ key, value: encodeValue(value) }));
}

/** One `TracesData` as an OTLP/JSON object. */
export function encodeOtlpJson(data: TracesData): Json {
  return {
    resourceSpans: data.resourceSpans.map((rs) => ({
      resource: { attributes: encodeAttributes(rs.resource.attributes), ...(rs.resource.droppedAttributesCount ? { droppedAttributesCount: rs.resource.droppedAttributesCount } : {}) },
      ...(rs.schemaUrl ? { schemaUrl: rs.schemaUrl } : {}),
      scopeSpans: rs.scopeSpans.map((ss) => ({
        scope: { name: ss.scope.name, ...(ss.scope.version ? { version: ss.scope.version } : {}), ...(ss.scope.attributes.size ? { attributes: encodeAttributes(ss.scope.attributes) } : {}) },
        ...(ss.schemaUrl ? { schemaUrl: ss.schemaUrl } : {}),
        spans: ss.spans.map((s) => ({
          traceId: s.traceId,
          spanId: s.spanId,
          ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
          ...(s.traceState ? { traceState: s.traceState } : {}),
          ...(s.flags ? { flags: s.flags } : {}),
          name: s.name,
          kind: s.kind,
          startTimeUnixNano: s.startTimeUnixNano.toString(),
          endTimeUnixNano: s.endTimeUnixNano.toString(),
          ...(s.attributes.size ? { attributes: encodeAttributes(s.attributes) } : {}),
          ...(s.events.length
            ? { events: s.events.map((e) => ({ timeUnixNano: e.timeUnixNano.toString(), name: e.name, ...(e.attributes.size ? { attributes: encodeAttributes(e.attributes) } : {}) })) }
            : {}),
          ...(s.links.length
            ? { links: s.links.map((l) => ({ traceId: l.traceId, spanId: l.spanId, ...(l.traceState ? { traceState: l.traceState } : {}), ...(l.attributes.size ? { attributes: encodeAttributes(l.attributes) } : {}) })) }
            : {}),
          status: s.status.code || s.status.message ? { ...(s.status.code ? { code: s.status.code } : {}), ...(s.status.message ? { message: s.status.message } : {}) } : {},
        })),
      })),
    })),
  };
}
