/**
 * Named generator scenarios for the UI. `checkout` is the default: a small shop whose
 * api-gateway calls auth (→ redis), inventory (→ postgres), payment (→ stripe) and publishes
 * an order to Kafka for order-worker (→ postgres).
 */
import type { LatencySpec, OperationSpec, ScenarioPreset, ScenarioSettings, ServiceSpec } from './scenario';

function lat(medianMs: number, sigma = 0.5, tailProbability = 0.01, tailMultiplier = 8): LatencySpec {
  return { medianMs, sigma, tailProbability, tailMultiplier };
}

function http(name: string, method: string, route: string, latency: LatencySpec, rest: Partial<OperationSpec> = {}): OperationSpec {
  return { name, kind: 'server', latency, http: { method, route }, ...rest };
}

function svc(name: string, language: string, operations: OperationSpec[], rest: Partial<ServiceSpec> = {}): ServiceSpec {
  return { name, version: '1.4.2', instances: 3, instrumented: true, language, errorRate: 0.002, operations, ...rest };
}

const CHECKOUT_SERVICES: ServiceSpec[] = [
  svc('api-gateway', 'go', [
    http('GET /api/checkout', 'GET', '/api/checkout', lat(4), {
      calls: [
        { service: 'auth', operation: 'POST /verify' },
        { service: 'inventory', operation: 'GET /stock' },
        { service: 'payment', operation: 'POST /charge' },
        { service: 'order-worker', operation: 'orders process' },
      ],
    }),
    http('GET /api/products', 'GET', '/api/products', lat(3), {
      calls: [
        { service: 'auth', operation: 'POST /verify' },
        { service: 'inventory', operation: 'GET /stock' },
      ],
    }),
    http('POST /api/cart', 'POST', '/api/cart', lat(3), {
      calls: [
        { service: 'auth', operation: 'POST /verify' },
        { service: 'inventory', operation: 'POST /reserve' },
      ],
    }),
  ], { version: '2.7.0', instances: 2 }),
  svc('auth', 'java', [http('POST /verify', 'POST', '/verify', lat(2), { calls: [{ service: 'redis', operation: 'GET' }], error: { type: 'io.jsonwebtoken.ExpiredJwtException', message: 'JWT expired' } })]),
  svc('inventory', 'python', [
    http('GET /stock', 'GET', '/stock', lat(3), { calls: [{ service: 'postgres', operation: 'SELECT inventory', repeat: 2 }] }),
    http('POST /reserve', 'POST', '/reserve', lat(4), { calls: [{ service: 'postgres', operation: 'UPDATE inventory' }] }),
  ]),
  svc('payment', 'nodejs', [http('POST /charge', 'POST', '/charge', lat(5), { calls: [{ service: 'stripe', operation: 'POST /v1/charges' }], error: { type: 'PaymentDeclinedError', message: 'card declined' } })], { errorRate: 0.02 }),
  svc('order-worker', 'java', [{ name: 'orders process', kind: 'consumer', latency: lat(6), messaging: { system: 'kafka', destination: 'orders' }, calls: [{ service: 'postgres', operation: 'INSERT orders' }] }]),
  svc('postgres', 'sql', [
    { name: 'SELECT inventory', kind: 'server', latency: lat(1.5, 0.6, 0.01, 10), db: { system: 'postgresql', namespace: 'shop', query: 'SELECT qty FROM inventory WHERE sku = $1' } },
    { name: 'UPDATE inventory', kind: 'server', latency: lat(2.5), db: { system: 'postgresql', namespace: 'shop', query: 'UPDATE inventory SET qty = qty - $1 WHERE sku = $2' } },
    { name: 'INSERT orders', kind: 'server', latency: lat(2), db: { system: 'postgresql', namespace: 'shop', query: 'INSERT INTO orders (id, user_id, total) VALUES ($1, $2, $3)' } },
  ], { instrumented: false, errorRate: 0.001, instances: 1 }),
  svc('redis', 'redis', [{ name: 'GET', kind: 'server', latency: lat(0.4, 0.3), db: { system: 'redis', namespace: '0', query: 'GET session:?' } }], { instrumented: false, errorRate: 0, instances: 1 }),
  svc('stripe', 'http', [http('POST /v1/charges', 'POST', '/v1/charges', lat(80, 0.4, 0.02, 5), { error: { type: 'StripeError', message: '502 Bad Gateway' } })], { instrumented: false, errorRate: 0.01, instances: 1 }),
];

const CHECKOUT: ScenarioSettings = {
  services: CHECKOUT_SERVICES,
  entryPoints: [
    { service: 'api-gateway', operation: 'GET /api/products', weight: 0.6 },
    { service: 'api-gateway', operation: 'GET /api/checkout', weight: 0.3 },
    { service: 'api-gateway', operation: 'POST /api/cart', weight: 0.1 },
  ],
  tracesPerSecond: 100,
  durationSeconds: 60,
  startTimeUnixNano: 1_767_225_600_000_000_000n, // 2026-01-01T00:00:00Z
  users: 2000,
  uniquePaths: false,
  errorPropagation: 0.7,
  environment: 'production',
};

function withService(base: ScenarioSettings, name: string, patch: (s: ServiceSpec) => ServiceSpec): ScenarioSettings {
  return { ...base, services: base.services.map((s) => (s.name === name ? patch(s) : s)) };
}

function withLatency(s: ServiceSpec, f: (l: LatencySpec) => LatencySpec): ServiceSpec {
  return { ...s, operations: s.operations.map((o) => ({ ...o, latency: f(o.latency) })) };
}

const FAN_OUT: ScenarioSettings = {
  ...CHECKOUT,
  services: [
    ...CHECKOUT_SERVICES.map((s) =>
      s.name === 'api-gateway'
        ? { ...s, operations: [...s.operations, http('GET /api/search', 'GET', '/api/search', lat(3), { calls: [{ service: 'auth', operation: 'POST /verify' }, { service: 'search', operation: 'POST /query' }] })] }
        : s,
    ),
    svc('search', 'rust', [http('POST /query', 'POST', '/query', lat(2), { calls: [{ service: 'index-shard', operation: 'POST /shard/search', repeat: 16, parallel: true }] })]),
    svc('index-shard', 'rust', [http('POST /shard/search', 'POST', '/shard/search', lat(6, 0.6, 0.03, 6), { calls: [{ service: 'index-shard', operation: 'score', probability: 0.5 }] }), { name: 'score', kind: 'internal', latency: lat(1) }], { instances: 8 }),
  ],
  entryPoints: [
    { service: 'api-gateway', operation: 'GET /api/search', weight: 0.8 },
    { service: 'api-gateway', operation: 'GET /api/products', weight: 0.2 },
  ],
  tracesPerSecond: 40,
};

/** The presets, in the order the UI lists them; the first is the default. */
export const SCENARIO_PRESETS: readonly ScenarioPreset[] = [
  {
    id: 'checkout',
    title: 'Checkout (default)',
    description: 'A small shop: api-gateway → auth → redis, inventory → postgres, payment → stripe, Kafka → order-worker. 100 traces/s, ~0.5% errors, rare slow database calls.',
    settings: CHECKOUT,
  },
  {
    id: 'high-cardinality',
    title: 'High cardinality',
    description: 'The checkout flow with 100,000 users and a unique order id in every root url.path: tests attribute-based policies and memory per distinct value.',
    settings: { ...CHECKOUT, users: 100_000, uniquePaths: true },
  },
  {
    id: 'error-storm',
    title: 'Error storm',
    description: 'payment fails 35% of the time and inventory 10%; failures propagate to the gateway. For status_code policies and error-biased sampling.',
    settings: withService(withService(CHECKOUT, 'payment', (s) => ({ ...s, errorRate: 0.35 })), 'inventory', (s) => ({ ...s, errorRate: 0.1 })),
  },
  {
    id: 'slow-tail',
    title: 'Slow tail',
    description: 'postgres and stripe have heavy latency tails (8% of calls 20–60× slower): for latency policies and decision_wait tuning.',
    settings: withService(
      withService(CHECKOUT, 'postgres', (s) => withLatency(s, (l) => ({ ...l, tailProbability: 0.08, tailMultiplier: 30 }))),
      'stripe',
      (s) => withLatency(s, (l) => ({ ...l, tailProbability: 0.08, tailMultiplier: 20 })),
    ),
  },
  {
    id: 'fan-out',
    title: 'Fan-out',
    description: 'Search requests fan out to 16 index shards in parallel (~40–60 spans per trace): wide traces for span_count policies and buffer sizing.',
    settings: FAN_OUT,
  },
];

/** The preset with `id`, or undefined. */
export function findScenarioPreset(id: string): ScenarioPreset | undefined {
  return SCENARIO_PRESETS.find((p) => p.id === id);
}

/** The default scenario's settings (`checkout`). */
export function defaultScenario(): ScenarioSettings {
  return CHECKOUT;
}
