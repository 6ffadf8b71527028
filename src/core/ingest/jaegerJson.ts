/**
 * Jaeger JSON (the query API / UI "trace JSON": `{"data": [trace…]}` or a bare trace with
 * `spans` and `processes`) to pdata, following the Collector's Jaeger translator
 * (pkg/translator/jaeger): the first CHILD_OF reference in the same trace is the parent and
 * the other references become links (with `opentracing.ref_type`), process → resource with
 * `service.name`, logs → events (name from the `event` field), and the tags the translator
 * consumes (`span.kind`, `otel.status_code`, `otel.status_description`, `error`,
 * `otel.scope.*`/`otel.library.*`, `w3c.tracestate`) set their pdata fields instead.
 */
import type { AnyValue, Attributes, ResourceSpans, Span, SpanEvent, SpanKind, SpanLink, StatusCode, TracesData } from '../telemetry/pdata';
import { decodeBase64, parseLooseId } from './idCodec';
import type { IssueSink } from './ingestTypes';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class JaegerError extends Error {}

function tagValue(tag: Obj): AnyValue {
  const type = typeof tag.type === 'string' ? tag.type.toLowerCase() : '';
  const v = tag.value;
  switch (type) {
    case 'bool':
      return { kind: 'bool', value: v === true || v === 'true' };
    case 'int64':
      if (typeof v === 'number' && Number.isInteger(v)) return { kind: 'int', value: BigInt(v) };
      if (typeof v === 'string' && /^-?\d+$/.test(v)) return { kind: 'int', value: BigInt.asIntN(64, BigInt(v)) };
      break;
    case 'float64':
      if (typeof v === 'number') return { kind: 'double', value: v };
      if (typeof v === 'string' && !Number.isNaN(Number(v))) return { kind: 'double', value: Number(v) };
      break;
    case 'binary': {
      const b = typeof v === 'string' ? decodeBase64(v) : null;
      if (b) return { kind: 'bytes', value: b };
      break;
    }
    case 'string':
      return { kind: 'string', value: typeof v === 'string' ? v : JSON.stringify(v) ?? '' };
    default:
      break;
  }
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { kind: 'int', value: BigInt(v) } : { kind: 'double', value: v };
  return { kind: 'string', value: typeof v === 'string' ? v : JSON.stringify(v) ?? '' };
}

function tags(raw: unknown): Attributes {
  const out: Attributes = new Map();
  if (!Array.isArray(raw)) return out;
  for (const t of raw) if (isObj(t) && typeof t.key === 'string') out.set(t.key, tagValue(t));
  return out;
}

function micros(v: unknown, field: string): bigint {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new JaegerError(`${field} must be microseconds since the epoch (got ${JSON.stringify(v)})`);
  const ns = BigInt(Math.round(n)) * 1000n;
  if (ns >= 1n << 64n) throw new JaegerError(`${field} overflows 64-bit nanoseconds (got ${n})`);
  return ns;
}

function str(a: Attributes, key: string): string | undefined {
  const v = a.get(key);
  return v?.kind === 'string' ? v.value : undefined;
}

const KINDS: Record<string, SpanKind> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };

interface Converted {
  span: Span;
  scopeName: string;
  scopeVersion: string;
}

function convertSpan(s: Obj, traceHex: string, onReplaced: (what: string, value: unknown) => void): Converted {
  const tid = parseLooseId(s.traceID ?? traceHex, 16);
  if ('error' in tid) throw new JaegerError(`traceID: ${tid.error}`);
  if (tid.replaced) onReplaced('traceID', s.traceID);
  const sid = parseLooseId(s.spanID, 8);
  if ('error' in sid) throw new JaegerError(`spanID: ${sid.error}`);
  if (sid.replaced) onReplaced('spanID', s.spanID);
  const start = micros(s.startTime, 'startTime');
  const duration = s.duration === undefined ? 0n : micros(s.duration, 'duration');
  const attrs = tags(s.tags);
  let kind: SpanKind = 0;
  const kindTag = str(attrs, 'span.kind');
  if (kindTag !== undefined && kindTag.toLowerCase() in KINDS) {
    kind = KINDS[kindTag.toLowerCase()]!;
    attrs.delete('span.kind');
  }
  let code: StatusCode = 0;
  let message = '';
  const statusTag = str(attrs, 'otel.status_code');
  if (statusTag !== undefined) {
    code = statusTag.toUpperCase() === 'ERROR' ? 2 : statusTag.toUpperCase() === 'OK' ? 1 : 0;
    attrs.delete('otel.status_code');
    message = str(attrs, 'otel.status_description') ?? '';
    attrs.delete('otel.status_description');
  } else {
    const err = attrs.get('error');
    if (err && ((err.kind === 'bool' && err.value) || (err.kind === 'string' && err.value === 'true'))) {
      code = 2;
      attrs.delete('error');
    }
  }
  const scopeName = str(attrs, 'otel.scope.name') ?? str(attrs, 'otel.library.name') ?? '';
  const scopeVersion = str(attrs, 'otel.scope.version') ?? str(attrs, 'otel.library.version') ?? '';
  for (const k of ['otel.scope.name', 'otel.scope.version', 'otel.library.name', 'otel.library.version']) attrs.delete(k);
  const traceState = str(attrs, 'w3c.tracestate') ?? '';
  attrs.delete('w3c.tracestate');

  let parent = '';
  const links: SpanLink[] = [];
  const refs = Array.isArray(s.references) ? s.references : [];
  for (const ref of refs) {
    if (!isObj(ref)) continue;
    const rt = parseLooseId(ref.traceID ?? s.traceID, 16);
    const rs = parseLooseId(ref.spanID, 8);
    if ('error' in rt || 'error' in rs) throw new JaegerError(`references: ${'error' in rt ? rt.error : 'error' in rs ? rs.error : ''}`);
    if (rs.replaced) onReplaced('references.spanID', ref.spanID);
    const type = String(ref.refType ?? 'CHILD_OF').toUpperCase();
    if (!parent && type === 'CHILD_OF' && rt.hex === tid.hex) {
      parent = rs.hex;
      continue;
    }
    links.push({
      traceId: rt.hex,
      spanId: rs.hex,
      traceState: '',
      flags: 0,
      attributes: new Map([['opentracing.ref_type', { kind: 'string', value: type === 'FOLLOWS_FROM' ? 'follows_from' : 'child_of' }]]),
      droppedAttributesCount: 0,
    });
  }
  const events: SpanEvent[] = [];
  for (const log of Array.isArray(s.logs) ? s.logs : []) {
    if (!isObj(log)) continue;
    const fields = tags(log.fields);
    const name = str(fields, 'event') ?? '';
    if (fields.get('event')?.kind === 'string') fields.delete('event');
    events.push({ timeUnixNano: micros(log.timestamp, 'logs.timestamp'), name, attributes: fields, droppedAttributesCount: 0 });
  }
  const flags = typeof s.flags === 'number' && Number.isInteger(s.flags) ? s.flags >>> 0 : 0;
  return {
    span: {
      traceId: tid.hex,
      spanId: sid.hex,
      parentSpanId: parent,
      traceState,
      flags,
      name: typeof s.operationName === 'string' ? s.operationName : '',
      kind,
      startTimeUnixNano: start,
      endTimeUnixNano: start + duration,
      attributes: attrs,
      droppedAttributesCount: 0,
      events,
      droppedEventsCount: 0,
      links,
      droppedLinksCount: 0,
      status: { code, message },
    },
    scopeName,
    scopeVersion,
  };
}

function processResource(p: unknown): Attributes {
  const out: Attributes = new Map();
  if (!isObj(p)) return out;
  if (typeof p.serviceName === 'string') out.set('service.name', { kind: 'string', value: p.serviceName });
  for (const [k, v] of tags(p.tags)) out.set(k, v);
  return out;
}

/** True when `v` looks like one Jaeger trace (`spans` with `spanID`/`operationName`). */
export function isJaegerTrace(v: unknown): boolean {
  if (!isObj(v) || !Array.isArray(v.spans)) return false;
  const first = v.spans[0];
  return v.spans.length === 0 ? 'processes' in v || 'traceID' in v : isObj(first) && ('spanID' in first || 'operationName' in first);
}

/**
 * One Jaeger trace as pdata, one ResourceSpans per process and scope. `where` prefixes issue
 * paths ("data[2]"); unreadable spans are reported and skipped.
 */
export function jaegerTraceToPdata(trace: unknown, where: string, onIssue: IssueSink): TracesData {
  const out: TracesData = { resourceSpans: [] };
  if (!isObj(trace)) {
    onIssue('error', where, 'expected a Jaeger trace object');
    return out;
  }
  const processes = isObj(trace.processes) ? trace.processes : {};
  const byProcess = new Map<string, ResourceSpans>();
  const spans = Array.isArray(trace.spans) ? trace.spans : [];
  const replaced = new Set<string>();
  const onReplaced = (what: string, value: unknown): void => {
    if (replaced.has(what)) return;
    replaced.add(what);
    onIssue('warning', where, `${what} ${JSON.stringify(value)} is not hex; replaced by a stable hashed id (other non-hex ids in this trace are replaced the same way)`);
  };
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const spWhere = `${where}.spans[${i}]`;
    if (!isObj(s)) {
      onIssue('error', spWhere, 'expected an object');
      continue;
    }
    let c: Converted;
    try {
      c = convertSpan(s, typeof trace.traceID === 'string' ? trace.traceID : '', onReplaced);
    } catch (e) {
      if (!(e instanceof JaegerError)) throw e;
      onIssue('error', spWhere, e.message);
      continue;
    }
    const pid = typeof s.processID === 'string' ? s.processID : '';
    const proc = isObj(s.process) ? s.process : processes[pid];
    const key = isObj(s.process) ? `inline:${JSON.stringify(s.process)}` : `pid:${pid}`;
    let rs = byProcess.get(key);
    if (!rs) {
      if (!proc && pid) onIssue('warning', spWhere, `processID ${JSON.stringify(pid)} is not in processes; the span has no resource attributes`);
      rs = { resource: { attributes: processResource(proc), droppedAttributesCount: 0 }, schemaUrl: '', scopeSpans: [] };
      byProcess.set(key, rs);
      out.resourceSpans.push(rs);
    }
    let ss = rs.scopeSpans.find((x) => x.scope.name === c.scopeName && x.scope.version === c.scopeVersion);
    if (!ss) {
      ss = { scope: { name: c.scopeName, version: c.scopeVersion, attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans: [] };
      rs.scopeSpans.push(ss);
    }
    ss.spans.push(c.span);
  }
  return out;
}
