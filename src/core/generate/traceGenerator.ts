/**
 * The seeded synthetic trace generator. It writes straight into SpanStore columns, one trace at
 * a time (a trace is planned as a handful of small objects, then written as rows), so a run of
 * 1e6 spans never exists as pdata objects (engine-design.md "Storage", performance.md §1).
 *
 * Determinism (engine-design.md "Determinism"): every choice comes from one sfc32 stream seeded
 * by `seed`, consumed in a fixed order, and time comes from the settings, never the clock; the
 * same settings and seed give the same columns bit for bit, however the run is chunked.
 *
 * Model: an entry point is a server span in the front service. Each call to an instrumented
 * service is a CLIENT span in the caller and a SERVER span in the callee; a call to an
 * uninstrumented peer (database, external API) is only the CLIENT span; a call to a consumer
 * operation is a PRODUCER span in the caller and a CONSUMER span (child of, and linked to, the
 * producer) after a queueing delay. Self time is log-normal with a slow tail; errors are drawn
 * per operation and propagate to parents with `errorPropagation`, with an `exception` event on
 * the failing span.
 */
import { pushBoolAttribute, pushIntAttribute, pushStringAttribute } from '../telemetry/attributeColumns';
import { pushEvent } from '../telemetry/eventColumns';
import { pushLink } from '../telemetry/linkColumns';
import { nanosAdd, nanosHi, nanosLo } from '../telemetry/nanos';
import type { AnyValue, Attributes } from '../telemetry/pdata';
import { internResource, internScope, reserveRow, setStatusMessage, type RowRange, type SpanStore } from '../telemetry/spanStore';
import { internString } from '../telemetry/stringTable';
import { createRandom, type Random } from './random';
import type { LatencySpec, OperationSpec, ScenarioSettings, ServiceSpec } from './scenario';

const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

type Template = 'server' | 'client-http' | 'client-db' | 'producer' | 'consumer' | 'internal';

interface PlanSpan {
  parent: number;
  service: number;
  instance: number;
  name: string;
  kind: number;
  template: Template;
  op: OperationSpec;
  peer: string;
  start: number;
  end: number;
  error: boolean;
  errorType: string;
  errorMessage: string;
  status: number;
  idHi: number;
  idLo: number;
  linkTo: number;
}

/** A resumable generator: call `next` repeatedly; each call writes up to `maxTraces` traces. */
export interface TraceGenerator {
  /** Writes up to `maxTraces` more traces into `store` and returns the rows written. */
  next(store: SpanStore, maxTraces: number): RowRange;
  /** Traces written so far. */
  readonly traces: number;
  /** Spans written so far. */
  readonly spans: number;
  /** Total traces of the run. */
  readonly total: number;
  readonly done: boolean;
}

interface StoreIds {
  /** Scope index per service × instance (instrumented services only). */
  scopes: number[][];
  s: (v: string) => number;
  k: Record<string, number>;
}

const KEYS = [
  'http.request.method',
  'http.route',
  'http.response.status_code',
  'url.path',
  'enduser.id',
  'server.address',
  'db.system.name',
  'db.namespace',
  'db.query.text',
  'messaging.system',
  'messaging.destination.name',
  'messaging.operation.type',
  'code.function.name',
  'exception.type',
  'exception.message',
  'exception.escaped',
  'messaging.batch',
] as const;

function str(value: string): AnyValue {
  return { kind: 'string', value };
}

function resourceAttributes(s: ServiceSpec, instance: number, env: string): Attributes {
  const pod = `${s.name}-${(((instance + 1) * 2654435761) >>> 0).toString(36).slice(0, 5)}-${instance}`;
  return new Map<string, AnyValue>([
    ['service.name', str(s.name)],
    ['service.namespace', str('shop')],
    ['service.version', str(s.version)],
    ['service.instance.id', str(pod)],
    ['deployment.environment.name', str(env)],
    ['host.name', str(`node-${instance % 4}`)],
    ['k8s.namespace.name', str('shop')],
    ['k8s.pod.name', str(pod)],
    ['k8s.deployment.name', str(s.name)],
    ['cloud.region', str('eu-west-1')],
    ['telemetry.sdk.name', str('opentelemetry')],
    ['telemetry.sdk.language', str(s.language)],
  ]);
}

const SCOPE_BY_LANGUAGE: Record<string, string> = {
  go: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp',
  java: 'io.opentelemetry.spring-webmvc-6.0',
  python: 'opentelemetry.instrumentation.flask',
  nodejs: '@opentelemetry/instrumentation-http',
  rust: 'tracing-opentelemetry',
};

function sampleLatencyNs(rnd: Random, l: LatencySpec): number {
  let ms = l.medianMs * Math.exp(l.sigma * rnd.normal());
  if (rnd.chance(l.tailProbability)) ms *= l.tailMultiplier * (1 + rnd.exponential());
  return ms * 1e6;
}

/**
 * A generator for `settings` seeded with `seed` (32-bit). `traceCount` overrides the settings'
 * count (`settings.traceCount`, else `durationSeconds × tracesPerSecond`).
 */
export function createTraceGenerator(settings: ScenarioSettings, seed: number, traceCount?: number): TraceGenerator {
  const rnd = createRandom(seed);
  const services = settings.services;
  const serviceIndex = new Map(services.map((s, i) => [s.name, i]));
  const total = Math.max(0, Math.floor(traceCount ?? settings.traceCount ?? settings.durationSeconds * settings.tracesPerSecond));
  const entryTotal = settings.entryPoints.reduce((n, e) => n + e.weight, 0);
  const baseHi = nanosHi(settings.startTimeUnixNano);
  const baseLo = nanosLo(settings.startTimeUnixNano);
  const storeIds = new WeakMap<SpanStore, StoreIds>();
  const tmp = new Uint32Array(2);
  let traces = 0;
  let spans = 0;
  let clock = 0; // ns since the run's start: arrival of the next trace
  let plan: PlanSpan[] = [];

  function findOp(service: string, operation: string): [number, OperationSpec] {
    const si = serviceIndex.get(service);
    if (si === undefined) throw new Error(`scenario: unknown service ${JSON.stringify(service)}`);
    const op = services[si]!.operations.find((o) => o.name === operation);
    if (!op) throw new Error(`scenario: service ${service} has no operation ${JSON.stringify(operation)}`);
    return [si, op];
  }
  // validate the graph up front
  for (const e of settings.entryPoints) {
    const [si] = findOp(e.service, e.operation);
    if (!services[si]!.instrumented) throw new Error(`scenario: entry point ${e.service} is not instrumented`);
  }
  for (const s of services) {
    for (const o of s.operations) {
      for (const c of o.calls ?? []) {
        const [ti, target] = findOp(c.service, c.operation);
        if (target.kind !== 'server' && !services[ti]!.instrumented) throw new Error(`scenario: ${c.service} ${target.kind} operation needs an instrumented service`);
      }
    }
  }

  function idsFor(store: SpanStore): StoreIds {
    let ids = storeIds.get(store);
    if (ids) return ids;
    const scopes = services.map((s) => {
      if (!s.instrumented) return [];
      const out: number[] = [];
      for (let i = 0; i < Math.max(1, s.instances); i++) {
        const res = internResource(store, resourceAttributes(s, i, settings.environment), 0, 'https://opentelemetry.io/schemas/1.30.0');
        out.push(internScope(store, res, { name: SCOPE_BY_LANGUAGE[s.language] ?? `${s.name}-instrumentation`, version: '1.0.0', attributes: new Map(), droppedAttributesCount: 0 }, ''));
      }
      return out;
    });
    const k: Record<string, number> = {};
    for (const key of KEYS) k[key] = internString(store.strings, key);
    ids = { scopes, s: (v) => internString(store.strings, v), k };
    storeIds.set(store, ids);
    return ids;
  }

  function push(p: Omit<PlanSpan, 'idHi' | 'idLo' | 'end' | 'error' | 'errorType' | 'errorMessage' | 'status' | 'linkTo'>): number {
    let hi = rnd.u32();
    const lo = rnd.u32();
    if (hi === 0 && lo === 0) hi = 1;
    // an explicit literal keeps one object shape (a spread here made generation ~5× slower)
    plan.push({
      parent: p.parent,
      service: p.service,
      instance: p.instance,
      name: p.name,
      kind: p.kind,
      template: p.template,
      op: p.op,
      peer: p.peer,
      start: p.start,
      end: p.start,
      error: false,
      errorType: '',
      errorMessage: '',
      status: 200,
      idHi: hi,
      idLo: lo,
      linkTo: -1,
    });
    return plan.length - 1;
  }

  function fail(i: number, op: OperationSpec, own: boolean): void {
    const p = plan[i]!;
    p.error = true;
    p.status = op.http ? (own && rnd.chance(0.3) ? 503 : 500) : 0;
    p.errorType = own ? (op.error?.type ?? 'InternalError') : 'UpstreamError';
    p.errorMessage = own ? (op.error?.message ?? `${op.name} failed`) : 'upstream call failed';
  }

  /** The callee side of an operation in an instrumented service; returns its plan index. */
  function runOp(si: number, op: OperationSpec, parent: number, start: number): number {
    const s = services[si]!;
    const kind = op.kind === 'consumer' ? KIND.consumer : op.kind === 'internal' ? KIND.internal : KIND.server;
    const template: Template = kind === KIND.consumer ? 'consumer' : kind === KIND.internal ? 'internal' : 'server';
    const parentInstance = parent >= 0 && plan[parent]!.service === si ? plan[parent]!.instance : -1;
    const instance = parentInstance >= 0 ? parentInstance : rnd.int(Math.max(1, s.instances));
    const idx = push({ parent, service: si, instance, name: op.name, kind, template, op, peer: '', start });
    const self = sampleLatencyNs(rnd, op.latency);
    const pre = self * 0.2;
    let t = start + pre;
    let parStart = -1;
    let parEnd = 0;
    let childFailed = false;
    for (const call of op.calls ?? []) {
      if (call.probability !== undefined && !rnd.chance(call.probability)) continue;
      const [ti, target] = findOp(call.service, call.operation);
      for (let r = 0; r < (call.repeat ?? 1); r++) {
        let res: { end: number; failed: boolean };
        if (call.parallel) {
          if (parStart < 0) {
            parStart = t;
            parEnd = t;
          }
          res = runCall(si, idx, ti, target, parStart + rnd.float() * 2e5);
          parEnd = Math.max(parEnd, res.end);
        } else {
          if (parStart >= 0) {
            t = Math.max(t, parEnd);
            parStart = -1;
          }
          res = runCall(si, idx, ti, target, t + 5e4 + rnd.float() * 2e5);
          t = res.end;
        }
        if (res.failed) childFailed = true;
      }
    }
    if (parStart >= 0) t = Math.max(t, parEnd);
    const p = plan[idx]!;
    p.end = t + (self - pre);
    if (rnd.chance(op.errorRate ?? s.errorRate)) fail(idx, op, true);
    else if (childFailed && rnd.chance(settings.errorPropagation)) fail(idx, op, false);
    return idx;
  }

  /** One call from plan span `from` (in service `si`) to `target` in service `ti`. */
  function runCall(si: number, from: number, ti: number, target: OperationSpec, start: number): { end: number; failed: boolean } {
    const caller = plan[from]!;
    const t = services[ti]!;
    if (target.kind === 'internal') {
      const i = runOp(ti, target, from, start);
      return { end: plan[i]!.end, failed: plan[i]!.error };
    }
    if (target.kind === 'consumer') {
      const dest = target.messaging?.destination ?? target.name;
      const prod = push({ parent: from, service: si, instance: caller.instance, name: `send ${dest}`, kind: KIND.producer, template: 'producer', op: target, peer: '', start });
      const prodEnd = start + 2e5 + rnd.exponential() * 3e5;
      plan[prod]!.end = prodEnd;
      const consumer = runOp(ti, target, prod, prodEnd + rnd.exponential() * 5e6);
      plan[consumer]!.linkTo = prod;
      return { end: prodEnd, failed: false };
    }
    const net = 1e5 + rnd.float() * 5e5;
    const client = push({
      parent: from,
      service: si,
      instance: caller.instance,
      name: target.db ? target.name : target.http ? target.http.method : target.name,
      kind: KIND.client,
      template: target.db ? 'client-db' : 'client-http',
      op: target,
      peer: t.name,
      start,
    });
    let end: number;
    let failed: boolean;
    let status: number;
    if (t.instrumented) {
      const server = runOp(ti, target, client, start + net);
      end = plan[server]!.end + net;
      failed = plan[server]!.error;
      status = plan[server]!.status;
    } else {
      end = start + 2 * net + sampleLatencyNs(rnd, target.latency);
      failed = rnd.chance(target.errorRate ?? t.errorRate);
      status = failed ? 502 : 200;
    }
    const c = plan[client]!;
    c.end = end;
    if (failed) {
      c.error = true;
      c.status = status;
      if (!t.instrumented) {
        c.errorType = target.error?.type ?? (target.db ? 'DatabaseError' : 'HttpError');
        c.errorMessage = target.error?.message ?? `${target.name} failed`;
      }
    }
    return { end, failed };
  }

  function writeTrace(store: SpanStore, ids: StoreIds, traceStart: number, userId: number): void {
    const t0 = rnd.u32() || 1;
    const t1 = rnd.u32();
    const t2 = rnd.u32();
    const t3 = rnd.u32();
    const k = ids.k;
    const rows: number[] = [];
    for (let i = 0; i < plan.length; i++) {
      const p = plan[i]!;
      const row = reserveRow(store);
      rows.push(row);
      const o4 = row * 4;
      store.traceIds[o4] = t0;
      store.traceIds[o4 + 1] = t1;
      store.traceIds[o4 + 2] = t2;
      store.traceIds[o4 + 3] = t3;
      store.spanIds[row * 2] = p.idHi;
      store.spanIds[row * 2 + 1] = p.idLo;
      if (p.parent >= 0) {
        store.parentIds[row * 2] = plan[p.parent]!.idHi;
        store.parentIds[row * 2 + 1] = plan[p.parent]!.idLo;
      }
      nanosAdd(baseHi, baseLo, Math.round(traceStart + p.start), tmp);
      store.startHi[row] = tmp[0]!;
      store.startLo[row] = tmp[1]!;
      nanosAdd(baseHi, baseLo, Math.round(traceStart + Math.max(p.start, p.end)), tmp);
      store.endHi[row] = tmp[0]!;
      store.endLo[row] = tmp[1]!;
      store.kinds[row] = p.kind;
      store.statuses[row] = p.error ? 2 : 0;
      const remote = p.parent >= 0 && (p.kind === KIND.server || p.kind === KIND.consumer);
      store.flags[row] = remote ? 0x301 : 0x101;
      store.names[row] = ids.s(p.name);
      store.scopeOf[row] = ids.scopes[p.service]![p.instance]!;
      const a = store.spanAttrs;
      const op = p.op;
      switch (p.template) {
        case 'server':
          if (op.http) {
            pushStringAttribute(a, k['http.request.method']!, ids.s(op.http.method));
            pushStringAttribute(a, k['http.route']!, ids.s(op.http.route));
            pushIntAttribute(a, k['http.response.status_code']!, p.status);
            if (p.parent < 0) {
              const path = settings.uniquePaths ? `${op.http.route}/${(rnd.u32() >>> 8).toString(16)}` : op.http.route;
              pushStringAttribute(a, k['url.path']!, ids.s(path));
              pushStringAttribute(a, k['enduser.id']!, ids.s(`user-${userId}`));
            }
          }
          break;
        case 'client-http':
          pushStringAttribute(a, k['http.request.method']!, ids.s(op.http?.method ?? 'POST'));
          pushStringAttribute(a, k['server.address']!, ids.s(p.peer));
          pushIntAttribute(a, k['http.response.status_code']!, p.status);
          break;
        case 'client-db':
          pushStringAttribute(a, k['db.system.name']!, ids.s(op.db!.system));
          pushStringAttribute(a, k['db.namespace']!, ids.s(op.db!.namespace));
          pushStringAttribute(a, k['db.query.text']!, ids.s(op.db!.query));
          pushStringAttribute(a, k['server.address']!, ids.s(p.peer));
          break;
        case 'producer':
        case 'consumer':
          pushStringAttribute(a, k['messaging.system']!, ids.s(op.messaging?.system ?? 'kafka'));
          pushStringAttribute(a, k['messaging.destination.name']!, ids.s(op.messaging?.destination ?? op.name));
          pushStringAttribute(a, k['messaging.operation.type']!, ids.s(p.template === 'producer' ? 'send' : 'process'));
          break;
        default:
          pushStringAttribute(a, k['code.function.name']!, ids.s(p.name));
      }
      if (p.error && p.errorMessage) {
        setStatusMessage(store, row, p.errorMessage);
        pushEvent(store.events, row, store.endHi[row]!, store.endLo[row]!, ids.s('exception'));
        pushStringAttribute(store.events.attrs, k['exception.type']!, ids.s(p.errorType));
        pushStringAttribute(store.events.attrs, k['exception.message']!, ids.s(p.errorMessage));
        pushBoolAttribute(store.events.attrs, k['exception.escaped']!, p.template === 'server');
      }
      if (p.linkTo >= 0) {
        const l = pushLink(store.links, row, 0, 0x101);
        store.links.traceIds[l * 4] = t0;
        store.links.traceIds[l * 4 + 1] = t1;
        store.links.traceIds[l * 4 + 2] = t2;
        store.links.traceIds[l * 4 + 3] = t3;
        store.links.spanIds[l * 2] = plan[p.linkTo]!.idHi;
        store.links.spanIds[l * 2 + 1] = plan[p.linkTo]!.idLo;
        pushIntAttribute(store.links.attrs, k['messaging.batch']!, 1);
      }
    }
    spans += plan.length;
  }

  function pickEntry(): [number, OperationSpec] {
    let x = rnd.float() * entryTotal;
    for (const e of settings.entryPoints) {
      x -= e.weight;
      if (x < 0) return findOp(e.service, e.operation);
    }
    const last = settings.entryPoints[settings.entryPoints.length - 1]!;
    return findOp(last.service, last.operation);
  }

  return {
    next(store, maxTraces) {
      const start = store.count;
      const ids = idsFor(store);
      const n = Math.min(maxTraces, total - traces);
      for (let i = 0; i < n; i++) {
        // Poisson arrivals at tracesPerSecond
        const traceStart = clock;
        clock += (rnd.exponential() / Math.max(1e-9, settings.tracesPerSecond)) * 1e9;
        const userId = rnd.int(Math.max(1, settings.users));
        const [si, op] = pickEntry();
        plan = [];
        runOp(si, op, -1, 0);
        writeTrace(store, ids, traceStart, userId);
        traces++;
      }
      return { start, end: store.count };
    },
    get traces() {
      return traces;
    },
    get spans() {
      return spans;
    },
    get total() {
      return total;
    },
    get done() {
      return traces >= total;
    },
  };
}
