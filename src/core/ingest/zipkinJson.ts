/**
 * Zipkin JSON spans (v2 and v1) to pdata, after the Collector's Zipkin translators
 * (pkg/translator/zipkin/zipkinv2, zipkinv1; engine-design.md "Ingest": Zipkin
 * `localEndpoint` → `service.name`, annotations → events, shared spans).
 *
 * v2: `kind` → span kind (absent: internal), `localEndpoint.serviceName` → resource
 * `service.name`, `remoteEndpoint` → `peer.service`/`net.peer.ip`/`net.peer.port`, tags →
 * string attributes, the `error` tag → status ERROR (its value the message), annotations →
 * events. A shared server span keeps the client's span id, as Zipkin records it.
 * v1: the core annotations (cs/cr, sr/ss, ms/mr) give kind, timing and the local service;
 * other annotations become events, binary annotations attributes (`sa`/`ca` → peer address).
 * One pdata span per Zipkin record in both cases.
 */
import type { Attributes, ResourceSpans, Span, SpanEvent, SpanKind, StatusCode, TracesData } from '../telemetry/pdata';
import { parseLooseId } from './idCodec';
import type { IssueSink } from './ingestTypes';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class ZipkinError extends Error {}

const CORE = new Set(['cs', 'cr', 'sr', 'ss', 'ms', 'mr', 'ws', 'wr', 'csf', 'crf', 'srf', 'ssf']);

/** True when a Zipkin span record is in the v1 model (binary annotations or endpoints on annotations). */
export function isZipkinV1(s: Obj): boolean {
  if ('binaryAnnotations' in s) return true;
  if ('localEndpoint' in s || 'remoteEndpoint' in s || 'kind' in s || 'tags' in s || 'shared' in s) return false;
  const anns = Array.isArray(s.annotations) ? s.annotations : [];
  return anns.some((a) => isObj(a) && ('endpoint' in a || (typeof a.value === 'string' && CORE.has(a.value))));
}

/** True when `v` looks like a Zipkin span (`traceId` and `id`). */
export function isZipkinSpan(v: unknown): boolean {
  return isObj(v) && 'traceId' in v && 'id' in v && !('resourceSpans' in v);
}

function micros(v: unknown, field: string): bigint {
  if (v === undefined || v === null) return 0n;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new ZipkinError(`${field} must be microseconds since the epoch (got ${JSON.stringify(v)})`);
  const ns = BigInt(Math.round(n)) * 1000n;
  if (ns >= 1n << 64n) throw new ZipkinError(`${field} overflows 64-bit nanoseconds (got ${n})`);
  return ns;
}

interface Ids {
  traceId: string;
  spanId: string;
  parentSpanId: string;
}

function ids(s: Obj, onReplaced: (what: string, value: unknown) => void): Ids {
  const t = parseLooseId(s.traceId, 16);
  if ('error' in t) throw new ZipkinError(`traceId: ${t.error}`);
  if (t.replaced) onReplaced('traceId', s.traceId);
  const i = parseLooseId(s.id, 8);
  if ('error' in i) throw new ZipkinError(`id: ${i.error}`);
  if (i.replaced) onReplaced('id', s.id);
  let parentSpanId = '';
  if (s.parentId !== undefined && s.parentId !== null && s.parentId !== '') {
    const p = parseLooseId(s.parentId, 8);
    if ('error' in p) throw new ZipkinError(`parentId: ${p.error}`);
    if (p.replaced) onReplaced('parentId', s.parentId);
    parentSpanId = /^0+$/.test(p.hex) ? '' : p.hex;
  }
  return { traceId: t.hex, spanId: i.hex, parentSpanId };
}

function endpointAttrs(ep: unknown, attrs: Attributes, prefix: 'peer' | 'host'): void {
  if (!isObj(ep)) return;
  if (prefix === 'peer' && typeof ep.serviceName === 'string' && ep.serviceName) attrs.set('peer.service', { kind: 'string', value: ep.serviceName });
  const ip = typeof ep.ipv4 === 'string' && ep.ipv4 ? ep.ipv4 : typeof ep.ipv6 === 'string' ? ep.ipv6 : '';
  if (ip) attrs.set(`net.${prefix}.ip`, { kind: 'string', value: ip });
  if (typeof ep.port === 'number' && ep.port > 0) attrs.set(`net.${prefix}.port`, { kind: 'int', value: BigInt(ep.port) });
}

function statusFromTags(attrs: Attributes): { code: StatusCode; message: string } {
  const sc = attrs.get('otel.status_code');
  if (sc?.kind === 'string') {
    attrs.delete('otel.status_code');
    const desc = attrs.get('otel.status_description');
    attrs.delete('otel.status_description');
    const code: StatusCode = sc.value.toUpperCase() === 'ERROR' ? 2 : sc.value.toUpperCase() === 'OK' ? 1 : 0;
    return { code, message: desc?.kind === 'string' ? desc.value : '' };
  }
  const err = attrs.get('error');
  if (err) {
    attrs.delete('error');
    const msg = err.kind === 'string' && err.value !== 'true' ? err.value : '';
    return { code: 2, message: msg };
  }
  return { code: 0, message: '' };
}

const KINDS: Record<string, SpanKind> = { CLIENT: 3, SERVER: 2, PRODUCER: 4, CONSUMER: 5 };

interface Converted {
  span: Span;
  service: string;
  scopeName: string;
}

function baseSpan(id: Ids, name: unknown): Span {
  return {
    ...id,
    traceState: '',
    flags: 0,
    name: typeof name === 'string' ? name : '',
    kind: 1,
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

function scopeFrom(attrs: Attributes): string {
  const v = attrs.get('otel.scope.name') ?? attrs.get('otel.library.name');
  attrs.delete('otel.scope.name');
  attrs.delete('otel.library.name');
  return v?.kind === 'string' ? v.value : '';
}

function convertV2(s: Obj, onReplaced: (what: string, value: unknown) => void): Converted {
  const span = baseSpan(ids(s, onReplaced), s.name);
  const kind = typeof s.kind === 'string' ? s.kind.toUpperCase() : '';
  if (kind && !(kind in KINDS)) throw new ZipkinError(`kind must be CLIENT, SERVER, PRODUCER or CONSUMER (got ${JSON.stringify(s.kind)})`);
  span.kind = kind ? KINDS[kind]! : 1;
  span.startTimeUnixNano = micros(s.timestamp, 'timestamp');
  span.endTimeUnixNano = span.startTimeUnixNano + micros(s.duration, 'duration');
  const attrs = span.attributes;
  if (isObj(s.tags)) for (const [k, v] of Object.entries(s.tags)) attrs.set(k, { kind: 'string', value: typeof v === 'string' ? v : JSON.stringify(v) ?? '' });
  span.status = statusFromTags(attrs);
  const scopeName = scopeFrom(attrs);
  endpointAttrs(s.localEndpoint, attrs, 'host');
  endpointAttrs(s.remoteEndpoint, attrs, 'peer');
  for (const a of Array.isArray(s.annotations) ? s.annotations : []) {
    if (!isObj(a)) continue;
    span.events.push({ timeUnixNano: micros(a.timestamp, 'annotations.timestamp'), name: typeof a.value === 'string' ? a.value : '', attributes: new Map(), droppedAttributesCount: 0 });
  }
  const service = isObj(s.localEndpoint) && typeof s.localEndpoint.serviceName === 'string' ? s.localEndpoint.serviceName : '';
  return { span, service, scopeName };
}

function convertV1(s: Obj, onReplaced: (what: string, value: unknown) => void): Converted {
  const span = baseSpan(ids(s, onReplaced), s.name);
  const core = new Map<string, { t: bigint; ep: unknown }>();
  const events: SpanEvent[] = [];
  for (const a of Array.isArray(s.annotations) ? s.annotations : []) {
    if (!isObj(a) || typeof a.value !== 'string') continue;
    const t = micros(a.timestamp, 'annotations.timestamp');
    if (CORE.has(a.value)) {
      if (!core.has(a.value)) core.set(a.value, { t, ep: a.endpoint });
    } else events.push({ timeUnixNano: t, name: a.value, attributes: new Map(), droppedAttributesCount: 0 });
  }
  // The side that recorded the span: a client record when it has cs/cr, else server, else messaging.
  let startKey = '';
  let endKey = '';
  if (core.has('cs') || core.has('cr')) [span.kind, startKey, endKey] = [3, 'cs', 'cr'];
  else if (core.has('sr') || core.has('ss')) [span.kind, startKey, endKey] = [2, 'sr', 'ss'];
  else if (core.has('ms')) [span.kind, startKey, endKey] = [4, 'ms', 'ws'];
  else if (core.has('mr')) [span.kind, startKey, endKey] = [5, 'mr', 'wr'];
  const attrs = span.attributes;
  let service = '';
  for (const b of Array.isArray(s.binaryAnnotations) ? s.binaryAnnotations : []) {
    if (!isObj(b) || typeof b.key !== 'string') continue;
    if (b.key === 'sa' || b.key === 'ca' || b.key === 'ma') {
      if ((b.key === 'sa' && span.kind === 3) || (b.key === 'ca' && span.kind === 2) || b.key === 'ma') endpointAttrs(b.endpoint, attrs, 'peer');
      continue;
    }
    if (b.key === 'lc' && isObj(b.endpoint) && typeof b.endpoint.serviceName === 'string') service ||= b.endpoint.serviceName;
    const v = b.value;
    const type = typeof b.type === 'string' ? b.type.toUpperCase() : '';
    if (type === 'BOOL' || typeof v === 'boolean') attrs.set(b.key, { kind: 'bool', value: v === true || v === 'true' });
    else if ((type === 'I16' || type === 'I32' || type === 'I64') && (typeof v === 'number' || (typeof v === 'string' && /^-?\d+$/.test(v)))) attrs.set(b.key, { kind: 'int', value: BigInt.asIntN(64, BigInt(v)) });
    else if (type === 'DOUBLE' && typeof v === 'number') attrs.set(b.key, { kind: 'double', value: v });
    else attrs.set(b.key, { kind: 'string', value: typeof v === 'string' ? v : JSON.stringify(v) ?? '' });
  }
  span.status = statusFromTags(attrs);
  const scopeName = scopeFrom(attrs);
  const startAnn = core.get(startKey);
  const endAnn = core.get(endKey);
  const ep = startAnn?.ep ?? endAnn?.ep;
  if (isObj(ep) && typeof ep.serviceName === 'string' && ep.serviceName) service = ep.serviceName;
  if (!service) {
    for (const a of Array.isArray(s.annotations) ? s.annotations : []) if (isObj(a) && isObj(a.endpoint) && typeof a.endpoint.serviceName === 'string') service ||= a.endpoint.serviceName;
  }
  if (s.timestamp !== undefined && s.timestamp !== null) {
    span.startTimeUnixNano = micros(s.timestamp, 'timestamp');
    span.endTimeUnixNano = span.startTimeUnixNano + micros(s.duration, 'duration');
  } else {
    span.startTimeUnixNano = startAnn?.t ?? endAnn?.t ?? events[0]?.timeUnixNano ?? 0n;
    span.endTimeUnixNano = endAnn && endAnn.t >= span.startTimeUnixNano ? endAnn.t : span.startTimeUnixNano + micros(s.duration, 'duration');
  }
  endpointAttrs(ep, attrs, 'host');
  span.events = events;
  return { span, service, scopeName };
}

/**
 * Zipkin span records (v1 or v2 each, decided per record) as one payload grouped by service.
 * `where(i)` names record `i` for issues; unreadable records are reported and skipped.
 */
export function zipkinSpansToPdata(records: readonly unknown[], where: (i: number) => string, onIssue: IssueSink): TracesData {
  const out: TracesData = { resourceSpans: [] };
  const byService = new Map<string, ResourceSpans>();
  const replaced = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Obj;
    if (!isZipkinSpan(r)) {
      onIssue('error', where(i), 'expected a Zipkin span with traceId and id');
      continue;
    }
    let c: Converted;
    try {
      c = isZipkinV1(r)
        ? convertV1(r, (what, v) => warnOnce(what, v, i))
        : convertV2(r, (what, v) => warnOnce(what, v, i));
    } catch (e) {
      if (!(e instanceof ZipkinError)) throw e;
      onIssue('error', where(i), e.message);
      continue;
    }
    let rs = byService.get(c.service);
    if (!rs) {
      const attrs: Attributes = new Map();
      if (c.service) attrs.set('service.name', { kind: 'string', value: c.service });
      rs = { resource: { attributes: attrs, droppedAttributesCount: 0 }, schemaUrl: '', scopeSpans: [] };
      byService.set(c.service, rs);
      out.resourceSpans.push(rs);
    }
    let ss = rs.scopeSpans.find((x) => x.scope.name === c.scopeName);
    if (!ss) {
      ss = { scope: { name: c.scopeName, version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans: [] };
      rs.scopeSpans.push(ss);
    }
    ss.spans.push(c.span);
  }
  return out;

  function warnOnce(what: string, value: unknown, i: number): void {
    if (replaced.has(what)) return;
    replaced.add(what);
    onIssue('warning', where(i), `${what} ${JSON.stringify(value)} is not hex; replaced by a stable hashed id (other non-hex ids are replaced the same way)`);
  }
}
