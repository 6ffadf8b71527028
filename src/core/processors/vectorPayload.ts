/**
 * The simplified JSON telemetry of the processor vectors (reference/spec/processor-vectors
 * README "Telemetry encoding"): attributes as objects, enum names, lowercase hex ids, decimal
 * nanosecond strings. Converts it to and from the shared pdata types, keeping attribute order
 * and value types (`{"double": 1}` is a Double, `1` an Int).
 */
import type { AggregationTemporality, HistogramDataPoint, Metric, MetricsData, NumberDataPoint } from '../telemetry/metrics';
import { AGGREGATION_TEMPORALITY_NAMES } from '../telemetry/metrics';
import type { AnyValue, Attributes, InstrumentationScope, Span, SpanKind, StatusCode, TracesData } from '../telemetry/pdata';
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from '../telemetry/pdata';
import { bytesToHex, hexToBytes } from '../ottl/ottlValue';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = Record<string, unknown>;

/** A malformed vector payload. */
export class VectorPayloadError extends Error {}

function obj(v: unknown, where: string): Obj {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new VectorPayloadError(`${where}: expected an object`);
  return v as Obj;
}

function list(v: unknown, where: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new VectorPayloadError(`${where}: expected a list`);
  return v;
}

function str(v: unknown, where: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new VectorPayloadError(`${where}: expected a string`);
  return v;
}

function num(v: unknown, where: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number') throw new VectorPayloadError(`${where}: expected a number`);
  return v;
}

function nanos(v: unknown, where: string): bigint {
  if (v === undefined || v === null || v === '') return 0n;
  if (typeof v === 'string' && /^\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new VectorPayloadError(`${where}: expected a decimal nanosecond string`);
}

function hexId(v: unknown, size: 8 | 16, where: string): string {
  const s = str(v, where).toLowerCase();
  if (s === '' || /^0+$/.test(s)) return '';
  if (s.length !== size * 2 || !/^[0-9a-f]+$/.test(s)) throw new VectorPayloadError(`${where}: expected ${size * 2} hex digits`);
  return s;
}

/** Decode one attribute value (README "Attribute values"). */
export function anyValueFromVector(v: unknown, where = 'value'): AnyValue {
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { kind: 'int', value: BigInt(v) } : { kind: 'double', value: v };
  if (Array.isArray(v)) return { kind: 'array', values: v.map((x, i) => anyValueFromVector(x, `${where}[${i}]`)) };
  const o = obj(v, where);
  if ('double' in o) return { kind: 'double', value: num(o.double, where) };
  if ('int' in o) return { kind: 'int', value: BigInt(str(o.int, where)) };
  if ('bytes' in o) {
    const b = hexToBytes(str(o.bytes, where));
    if (!b) throw new VectorPayloadError(`${where}: bad hex bytes`);
    return { kind: 'bytes', value: b };
  }
  if ('kvlist' in o) return { kind: 'kvlist', values: attributesFromVector(o.kvlist, where) };
  if ('empty' in o) return { kind: 'empty' };
  throw new VectorPayloadError(`${where}: unknown value encoding ${JSON.stringify(v)}`);
}

/** Decode an attribute object, keeping key order. */
export function attributesFromVector(v: unknown, where = 'attributes'): Attributes {
  const m: Attributes = new Map();
  for (const [k, x] of Object.entries(obj(v, where))) m.set(k, anyValueFromVector(x, `${where}.${k}`));
  return m;
}

/** Encode one attribute value. */
export function anyValueToVector(v: AnyValue): Json {
  switch (v.kind) {
    case 'string':
    case 'bool':
      return v.value;
    case 'int':
      return v.value >= BigInt(Number.MIN_SAFE_INTEGER) && v.value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v.value) : { int: v.value.toString() };
    case 'double':
      return Number.isInteger(v.value) ? { double: v.value } : v.value;
    case 'bytes':
      return { bytes: bytesToHex(v.value) };
    case 'array':
      return v.values.map(anyValueToVector);
    case 'kvlist':
      return { kvlist: attributesToVector(v.values) };
    case 'empty':
      return { empty: true };
  }
}

/** Encode an attribute map (insertion order kept). */
export function attributesToVector(m: Attributes): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const [k, v] of m) out[k] = anyValueToVector(v);
  return out;
}

function enumIndex(names: readonly string[], v: unknown, where: string): number {
  if (v === undefined || v === null || v === '') return 0;
  const i = names.indexOf(str(v, where));
  if (i < 0) throw new VectorPayloadError(`${where}: unknown enum ${String(v)}`);
  return i;
}

function scopeFromVector(v: unknown): InstrumentationScope {
  const o = obj(v, 'scope');
  return {
    name: str(o.name, 'scope.name'),
    version: str(o.version, 'scope.version'),
    attributes: attributesFromVector(o.attributes, 'scope.attributes'),
    droppedAttributesCount: num(o.droppedAttributesCount, 'scope.droppedAttributesCount'),
  };
}

function spanFromVector(v: unknown): Span {
  const o = obj(v, 'span');
  const status = obj(o.status, 'span.status');
  return {
    traceId: hexId(o.traceId, 16, 'span.traceId'),
    spanId: hexId(o.spanId, 8, 'span.spanId'),
    parentSpanId: hexId(o.parentSpanId, 8, 'span.parentSpanId'),
    traceState: str(o.traceState, 'span.traceState'),
    flags: num(o.flags, 'span.flags'),
    name: str(o.name, 'span.name'),
    kind: enumIndex(SPAN_KIND_NAMES, o.kind, 'span.kind') as SpanKind,
    startTimeUnixNano: nanos(o.startTimeUnixNano, 'span.startTimeUnixNano'),
    endTimeUnixNano: nanos(o.endTimeUnixNano, 'span.endTimeUnixNano'),
    attributes: attributesFromVector(o.attributes, 'span.attributes'),
    droppedAttributesCount: num(o.droppedAttributesCount, 'span.droppedAttributesCount'),
    events: list(o.events, 'span.events').map((e) => {
      const eo = obj(e, 'event');
      return {
        name: str(eo.name, 'event.name'),
        timeUnixNano: nanos(eo.timeUnixNano, 'event.timeUnixNano'),
        attributes: attributesFromVector(eo.attributes, 'event.attributes'),
        droppedAttributesCount: num(eo.droppedAttributesCount, 'event.droppedAttributesCount'),
      };
    }),
    droppedEventsCount: num(o.droppedEventsCount, 'span.droppedEventsCount'),
    links: list(o.links, 'span.links').map((l) => {
      const lo = obj(l, 'link');
      return {
        traceId: hexId(lo.traceId, 16, 'link.traceId'),
        spanId: hexId(lo.spanId, 8, 'link.spanId'),
        traceState: str(lo.traceState, 'link.traceState'),
        flags: num(lo.flags, 'link.flags'),
        attributes: attributesFromVector(lo.attributes, 'link.attributes'),
        droppedAttributesCount: num(lo.droppedAttributesCount, 'link.droppedAttributesCount'),
      };
    }),
    droppedLinksCount: num(o.droppedLinksCount, 'span.droppedLinksCount'),
    status: { code: enumIndex(STATUS_CODE_NAMES, status.code, 'span.status.code') as StatusCode, message: str(status.message, 'span.status.message') },
  };
}

/** Decode a vector `TracesData` payload. Throws {@link VectorPayloadError} when malformed. */
export function tracesFromVector(json: unknown): TracesData {
  const o = obj(json, 'traces');
  return {
    resourceSpans: list(o.resourceSpans, 'resourceSpans').map((r) => {
      const ro = obj(r, 'resourceSpans[]');
      const res = obj(ro.resource, 'resource');
      return {
        resource: {
          attributes: attributesFromVector(res.attributes, 'resource.attributes'),
          droppedAttributesCount: num(res.droppedAttributesCount, 'resource.droppedAttributesCount'),
        },
        schemaUrl: str(ro.schemaUrl, 'resourceSpans.schemaUrl'),
        scopeSpans: list(ro.scopeSpans, 'scopeSpans').map((s) => {
          const so = obj(s, 'scopeSpans[]');
          return { scope: scopeFromVector(so.scope), schemaUrl: str(so.schemaUrl, 'scopeSpans.schemaUrl'), spans: list(so.spans, 'spans').map(spanFromVector) };
        }),
      };
    }),
  };
}

function put(out: { [k: string]: Json }, key: string, v: Json, zero: boolean): void {
  if (!zero) out[key] = v;
}

/** Encode pdata traces in the vector form, omitting zero-valued fields. */
export function tracesToVector(data: TracesData): { [k: string]: Json } {
  return {
    resourceSpans: data.resourceSpans.map((rs) => {
      const r: { [k: string]: Json } = { resource: { attributes: attributesToVector(rs.resource.attributes) } };
      const res = r.resource as { [k: string]: Json };
      put(res, 'droppedAttributesCount', rs.resource.droppedAttributesCount, rs.resource.droppedAttributesCount === 0);
      put(r, 'schemaUrl', rs.schemaUrl, rs.schemaUrl === '');
      r.scopeSpans = rs.scopeSpans.map((ss) => {
        const scope: { [k: string]: Json } = {};
        put(scope, 'name', ss.scope.name, ss.scope.name === '');
        put(scope, 'version', ss.scope.version, ss.scope.version === '');
        put(scope, 'attributes', attributesToVector(ss.scope.attributes), ss.scope.attributes.size === 0);
        const s: { [k: string]: Json } = { scope };
        put(s, 'schemaUrl', ss.schemaUrl, ss.schemaUrl === '');
        s.spans = ss.spans.map((sp) => {
          const o: { [k: string]: Json } = { name: sp.name };
          put(o, 'traceId', sp.traceId, sp.traceId === '');
          put(o, 'spanId', sp.spanId, sp.spanId === '');
          put(o, 'parentSpanId', sp.parentSpanId, sp.parentSpanId === '');
          put(o, 'traceState', sp.traceState, sp.traceState === '');
          put(o, 'flags', sp.flags, sp.flags === 0);
          put(o, 'kind', SPAN_KIND_NAMES[sp.kind], sp.kind === 0);
          put(o, 'startTimeUnixNano', sp.startTimeUnixNano.toString(), sp.startTimeUnixNano === 0n);
          put(o, 'endTimeUnixNano', sp.endTimeUnixNano.toString(), sp.endTimeUnixNano === 0n);
          put(o, 'attributes', attributesToVector(sp.attributes), sp.attributes.size === 0);
          put(o, 'droppedAttributesCount', sp.droppedAttributesCount, sp.droppedAttributesCount === 0);
          put(
            o,
            'events',
            sp.events.map((e) => {
              const eo: { [k: string]: Json } = { name: e.name };
              put(eo, 'timeUnixNano', e.timeUnixNano.toString(), e.timeUnixNano === 0n);
              put(eo, 'attributes', attributesToVector(e.attributes), e.attributes.size === 0);
              put(eo, 'droppedAttributesCount', e.droppedAttributesCount, e.droppedAttributesCount === 0);
              return eo;
            }),
            sp.events.length === 0,
          );
          put(o, 'droppedEventsCount', sp.droppedEventsCount, sp.droppedEventsCount === 0);
          put(
            o,
            'links',
            sp.links.map((l) => {
              const lo: { [k: string]: Json } = {};
              put(lo, 'traceId', l.traceId, l.traceId === '');
              put(lo, 'spanId', l.spanId, l.spanId === '');
              put(lo, 'traceState', l.traceState, l.traceState === '');
              put(lo, 'attributes', attributesToVector(l.attributes), l.attributes.size === 0);
              put(lo, 'droppedAttributesCount', l.droppedAttributesCount, l.droppedAttributesCount === 0);
              return lo;
            }),
            sp.links.length === 0,
          );
          put(o, 'droppedLinksCount', sp.droppedLinksCount, sp.droppedLinksCount === 0);
          const status: { [k: string]: Json } = {};
          put(status, 'code', STATUS_CODE_NAMES[sp.status.code], sp.status.code === 0);
          put(status, 'message', sp.status.message, sp.status.message === '');
          put(o, 'status', status, Object.keys(status).length === 0);
          return o;
        });
        return s;
      });
      return r;
    }),
  };
}

function temporalityFromVector(v: unknown): AggregationTemporality {
  const i = enumIndex(AGGREGATION_TEMPORALITY_NAMES, v, 'aggregationTemporality');
  if (i === 0) throw new VectorPayloadError('aggregationTemporality: unspecified');
  return i as AggregationTemporality;
}

function numberPointFromVector(v: unknown): NumberDataPoint {
  const o = obj(v, 'dataPoint');
  const value: NumberDataPoint['value'] =
    'asDouble' in o ? { kind: 'double', value: num(o.asDouble, 'asDouble') } : { kind: 'int', value: BigInt(num(o.asInt, 'asInt')) };
  return { attributes: attributesFromVector(o.attributes), startTimeUnixNano: nanos(o.startTimeUnixNano, 'start'), timeUnixNano: nanos(o.timeUnixNano, 'time'), value };
}

function histogramPointFromVector(v: unknown): HistogramDataPoint {
  const o = obj(v, 'dataPoint');
  return {
    attributes: attributesFromVector(o.attributes),
    startTimeUnixNano: nanos(o.startTimeUnixNano, 'start'),
    timeUnixNano: nanos(o.timeUnixNano, 'time'),
    count: num(o.count, 'count'),
    sum: num(o.sum, 'sum'),
    explicitBounds: list(o.explicitBounds, 'explicitBounds').map((x) => num(x, 'bound')),
    bucketCounts: list(o.bucketCounts, 'bucketCounts').map((x) => num(x, 'bucketCount')),
  };
}

function metricFromVector(v: unknown): Metric {
  const o = obj(v, 'metric');
  const base = { name: str(o.name, 'metric.name'), description: str(o.description, 'metric.description'), unit: str(o.unit, 'metric.unit') };
  if (o.sum !== undefined) {
    const s = obj(o.sum, 'sum');
    return {
      ...base,
      data: {
        type: 'sum',
        aggregationTemporality: temporalityFromVector(s.aggregationTemporality),
        isMonotonic: s.isMonotonic === true,
        dataPoints: list(s.dataPoints, 'dataPoints').map(numberPointFromVector),
      },
    };
  }
  if (o.histogram !== undefined) {
    const h = obj(o.histogram, 'histogram');
    return {
      ...base,
      data: { type: 'histogram', aggregationTemporality: temporalityFromVector(h.aggregationTemporality), dataPoints: list(h.dataPoints, 'dataPoints').map(histogramPointFromVector) },
    };
  }
  if (o.gauge !== undefined) return { ...base, data: { type: 'gauge', dataPoints: list(obj(o.gauge, 'gauge').dataPoints, 'dataPoints').map(numberPointFromVector) } };
  throw new VectorPayloadError(`metric ${base.name}: no sum, histogram or gauge`);
}

/** Decode a vector `MetricsData` payload. */
export function metricsFromVector(json: unknown): MetricsData {
  const o = obj(json, 'metrics');
  return {
    resourceMetrics: list(o.resourceMetrics, 'resourceMetrics').map((r) => {
      const ro = obj(r, 'resourceMetrics[]');
      const res = obj(ro.resource, 'resource');
      return {
        resource: { attributes: attributesFromVector(res.attributes), droppedAttributesCount: num(res.droppedAttributesCount, 'droppedAttributesCount') },
        schemaUrl: str(ro.schemaUrl, 'schemaUrl'),
        scopeMetrics: list(ro.scopeMetrics, 'scopeMetrics').map((s) => {
          const so = obj(s, 'scopeMetrics[]');
          return { scope: scopeFromVector(so.scope), schemaUrl: str(so.schemaUrl, 'schemaUrl'), metrics: list(so.metrics, 'metrics').map(metricFromVector) };
        }),
      };
    }),
  };
}

function numberPointToVector(p: NumberDataPoint): { [k: string]: Json } {
  return { attributes: attributesToVector(p.attributes), ...(p.value.kind === 'int' ? { asInt: Number(p.value.value) } : { asDouble: p.value.value }) };
}

/** Encode metrics in the vector form (timestamps left out, as the vectors do). */
export function metricsToVector(data: MetricsData): { [k: string]: Json } {
  return {
    resourceMetrics: data.resourceMetrics.map((rm) => ({
      resource: { attributes: attributesToVector(rm.resource.attributes) },
      scopeMetrics: rm.scopeMetrics.map((sm) => ({
        scope: { name: sm.scope.name, ...(sm.scope.version ? { version: sm.scope.version } : {}) },
        metrics: sm.metrics.map((m) => {
          const head: { [k: string]: Json } = { name: m.name };
          if (m.description) head.description = m.description;
          if (m.unit) head.unit = m.unit;
          const d = m.data;
          if (d.type === 'sum')
            head.sum = { aggregationTemporality: AGGREGATION_TEMPORALITY_NAMES[d.aggregationTemporality], isMonotonic: d.isMonotonic, dataPoints: d.dataPoints.map(numberPointToVector) };
          else if (d.type === 'gauge') head.gauge = { dataPoints: d.dataPoints.map(numberPointToVector) };
          else
            head.histogram = {
              aggregationTemporality: AGGREGATION_TEMPORALITY_NAMES[d.aggregationTemporality],
              dataPoints: d.dataPoints.map((p) => ({
                attributes: attributesToVector(p.attributes),
                count: p.count,
                sum: p.sum,
                explicitBounds: [...p.explicitBounds],
                bucketCounts: [...p.bucketCounts],
              })),
            };
          return head;
        }),
      })),
    })),
  };
}
