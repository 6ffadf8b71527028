/**
 * A deterministic OTLP/JSON upload for the trace-view benchmark (issue #7, U8): one big trace
 * (10,000 spans by default) shaped like a real request tree — an api-gateway root fanning out to
 * services, each server span calling databases, caches and queues through client spans, a few
 * errors with exception events — plus a handful of ordinary small traces. One resourceSpans per
 * service, as an SDK exporting through a Collector would send it.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Service {
  readonly name: string;
  readonly operations: readonly string[];
  /** Services this one calls (by index into SERVICES). */
  readonly calls: readonly number[];
  readonly backends: readonly string[];
}

const SERVICES: readonly Service[] = [
  { name: 'api-gateway', operations: ['POST /api/checkout', 'GET /api/cart', 'GET /api/catalog'], calls: [1, 2, 3, 4], backends: [] },
  { name: 'auth', operations: ['auth.Verify', 'auth.Refresh'], calls: [], backends: ['redis GET', 'redis SETEX'] },
  { name: 'cart', operations: ['cart.Get', 'cart.AddItem'], calls: [3, 5], backends: ['redis HGETALL', 'redis HSET'] },
  { name: 'inventory', operations: ['inventory.Reserve', 'inventory.Lookup'], calls: [5], backends: ['postgres SELECT', 'postgres UPDATE'] },
  { name: 'payment', operations: ['payment.Charge', 'payment.Authorize'], calls: [6], backends: ['POST api.stripe.com/v1/charges'] },
  { name: 'pricing', operations: ['pricing.Quote', 'pricing.Discounts'], calls: [], backends: ['postgres SELECT', 'memcached get'] },
  { name: 'order-worker', operations: ['orders process', 'orders publish'], calls: [], backends: ['kafka produce orders', 'postgres INSERT'] },
];

const HEX = '0123456789abcdef';
function hex(rand: () => number, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i++) out += HEX[Math.floor(rand() * 16)]!;
  return out;
}

interface OtlpAttr {
  key: string;
  value: { stringValue: string } | { intValue: string } | { boolValue: boolean };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpAttr[];
  status?: { code: number; message?: string };
  events?: { timeUnixNano: string; name: string; attributes: OtlpAttr[] }[];
}

const str = (key: string, v: string): OtlpAttr => ({ key, value: { stringValue: v } });
const int = (key: string, v: number): OtlpAttr => ({ key, value: { intValue: String(Math.round(v)) } });

export interface PreviewFixture {
  /** The OTLP/JSON document (ExportTraceServiceRequest). */
  readonly json: string;
  /** Hex id of the big trace. */
  readonly bigTraceId: string;
  readonly bigTraceSpans: number;
  readonly totalSpans: number;
  readonly traces: number;
}

/** Builds the document: one trace of `bigSpans` spans plus `smallTraces` traces of 5–15 spans. */
export function previewFixture(bigSpans = 10_000, smallTraces = 5, seed = 7): PreviewFixture {
  const rand = rng(seed);
  const bySvc: OtlpSpan[][] = SERVICES.map(() => []);
  const base = 1_760_000_000_000_000_000n; // ns, a fixed day in 2025

  /** Emits one trace of about `target` spans (breadth-first so the tree is wide and several levels deep). */
  const trace = (target: number, startMs: number): string => {
    const traceId = hex(rand, 32);
    interface Node {
      id: string;
      svc: number;
      start: number; // ms from base
      dur: number;
      depth: number;
    }
    let count = 0;
    const spanOf = (svc: number, parent: Node | null, name: string, kind: number, start: number, dur: number, attrs: OtlpAttr[], depth: number): Node => {
      const id = hex(rand, 16);
      const error = rand() < 0.004;
      const s: OtlpSpan = {
        traceId,
        spanId: id,
        name,
        kind,
        startTimeUnixNano: String(base + BigInt(Math.round(start * 1e6))),
        endTimeUnixNano: String(base + BigInt(Math.round((start + dur) * 1e6))),
        attributes: attrs,
      };
      if (parent) s.parentSpanId = parent.id;
      if (error) {
        s.status = { code: 2, message: 'upstream error' };
        s.events = [{ timeUnixNano: s.endTimeUnixNano, name: 'exception', attributes: [str('exception.type', 'TimeoutError'), str('exception.message', 'deadline exceeded')] }];
      }
      bySvc[svc]!.push(s);
      count++;
      return { id, svc, start, dur, depth };
    };
    const rootSvc = SERVICES[0]!;
    const rootDur = target > 100 ? 8000 + rand() * 4000 : 40 + rand() * 400;
    const root = spanOf(0, null, rootSvc.operations[Math.floor(rand() * rootSvc.operations.length)]!, 2, startMs, rootDur, [str('http.request.method', 'POST'), str('url.path', '/api/checkout'), int('http.response.status_code', 200), str('user_agent.original', 'Mozilla/5.0'), str('client.address', '10.0.3.17')], 0);
    const queue: Node[] = [root];
    while (queue.length && count < target) {
      const parent = queue.shift()!;
      const svc = SERVICES[parent.svc]!;
      // Wide near the root, narrower below; leaves are client spans to backends.
      const fan = parent.depth === 0 ? Math.max(4, Math.round(target / 250)) : parent.depth < 5 ? 2 + Math.floor(rand() * 4) : 0;
      let cursor = parent.start + parent.dur * 0.02;
      const slot = (parent.dur * 0.95) / Math.max(1, fan);
      for (let k = 0; k < fan && count < target; k++) {
        const start = cursor + rand() * slot * 0.1;
        const dur = slot * (0.3 + rand() * 0.6);
        cursor += slot;
        const callee = svc.calls.length && rand() < 0.6 ? svc.calls[Math.floor(rand() * svc.calls.length)]! : -1;
        if (callee >= 0) {
          const target2 = SERVICES[callee]!;
          const op = target2.operations[Math.floor(rand() * target2.operations.length)]!;
          // Client span in the caller, server span in the callee.
          const client = spanOf(parent.svc, parent, op, 3, start, dur, [str('rpc.system', 'grpc'), str('rpc.service', target2.name), str('server.address', `${target2.name}.shop.svc`), int('server.port', 8080)], parent.depth + 1);
          if (count >= target) break;
          const server = spanOf(callee, client, op, 2, start + dur * 0.05, dur * 0.9, [str('rpc.system', 'grpc'), str('rpc.method', op), int('rpc.grpc.status_code', 0), str('network.peer.address', '10.0.4.2')], parent.depth + 2);
          queue.push(server);
        } else if (svc.backends.length) {
          const op = svc.backends[Math.floor(rand() * svc.backends.length)]!;
          const system = op.split(' ')[0]!;
          spanOf(parent.svc, parent, op, 3, start, dur * 0.4, [str('db.system.name', system), str('db.operation.name', op.split(' ')[1] ?? 'call'), str('server.address', `${system}.shop.svc`), int('db.response.returned_rows', rand() * 40)], parent.depth + 1);
        } else {
          const node = spanOf(parent.svc, parent, `${svc.name} handle`, 1, start, dur, [str('code.function.name', 'handle'), str('code.file.path', `src/${svc.name}/handler.ts`), int('code.line.number', 40 + rand() * 300)], parent.depth + 1);
          queue.push(node);
        }
      }
      // Keep the tree growing when the target needs more spans than this shape yields.
      if (!queue.length && count < target) queue.push(root);
    }
    return traceId;
  };

  const bigTraceId = trace(bigSpans, 0);
  let totalSpans = bySvc.reduce((n, l) => n + l.length, 0);
  const bigTraceSpans = totalSpans;
  for (let i = 0; i < smallTraces; i++) trace(5 + Math.floor(rand() * 10), 500 + i * 700);
  totalSpans = bySvc.reduce((n, l) => n + l.length, 0);

  const doc = {
    resourceSpans: SERVICES.map((svc, i) => ({
      resource: {
        attributes: [
          str('service.name', svc.name),
          str('service.namespace', 'shop'),
          str('service.version', '2.14.0'),
          str('deployment.environment.name', 'production'),
          str('k8s.namespace.name', 'shop'),
          str('k8s.pod.name', `${svc.name}-7d9c6b5f4-${hex(rand, 5)}`),
          str('host.name', `node-${i % 3}`),
          str('telemetry.sdk.language', 'go'),
          str('telemetry.sdk.name', 'opentelemetry'),
          str('telemetry.sdk.version', '1.38.0'),
        ],
      },
      scopeSpans: [{ scope: { name: 'go.opentelemetry.io/contrib/instrumentation', version: '0.63.0' }, spans: bySvc[i]! }],
    })).filter((r) => r.scopeSpans[0]!.spans.length > 0),
  };
  return { json: JSON.stringify(doc), bigTraceId, bigTraceSpans, totalSpans, traces: 1 + smallTraces };
}
