/**
 * Starter bodies for new components: what a user would write first so the component does
 * something visible, with local endpoints and `${env:...}` placeholders for secrets. They are not
 * the Collector's defaults (omitted fields get those anyway); `null` means "all defaults"
 * (`batch:`). Deprecated type aliases resolve through the catalogue (`spanmetrics` →
 * `span_metrics`, exporter `otlp` → `otlp_grpc`).
 */
import { findComponent } from '../../catalog/catalog';
import type { ComponentKind } from '../componentId';

const BUCKETS = ['100ms', '250ms', '1s', '5s', '10s'];

const DEFAULTS: Readonly<Record<string, unknown>> = {
  // receivers
  'receiver:otlp': { protocols: { grpc: { endpoint: 'localhost:4317' }, http: { endpoint: 'localhost:4318' } } },
  'receiver:jaeger': { protocols: { grpc: { endpoint: 'localhost:14250' }, thrift_http: { endpoint: 'localhost:14268' } } },
  'receiver:zipkin': { endpoint: 'localhost:9411' },
  'receiver:prometheus': {
    config: { scrape_configs: [{ job_name: 'otel-collector', scrape_interval: '30s', static_configs: [{ targets: ['localhost:8888'] }] }] },
  },
  'receiver:file_log': { include: ['/var/log/*.log'], start_at: 'end' },
  'receiver:host_metrics': { collection_interval: '30s', scrapers: { cpu: null, memory: null, disk: null, filesystem: null, load: null, network: null } },
  'receiver:kubelet_stats': { collection_interval: '30s', auth_type: 'serviceAccount', endpoint: 'https://${env:K8S_NODE_NAME}:10250' },
  'receiver:k8s_cluster': { collection_interval: '30s' },
  'receiver:kafka': { brokers: ['localhost:9092'] },
  'receiver:statsd': { endpoint: 'localhost:8125' },
  'receiver:syslog': { tcp: { listen_address: 'localhost:54526' }, protocol: 'rfc5424' },
  'receiver:fluent_forward': { endpoint: 'localhost:8006' },
  'receiver:prometheus_remote_write': { endpoint: 'localhost:9090' },
  'receiver:docker_stats': { endpoint: 'unix:///var/run/docker.sock', collection_interval: '30s' },
  'receiver:redis': { endpoint: 'localhost:6379', collection_interval: '30s' },
  'receiver:nop': null,
  // processors
  'processor:batch': null,
  'processor:memory_limiter': { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 20 },
  'processor:tail_sampling': {
    decision_wait: '10s',
    policies: [{ name: 'keep-errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } }],
  },
  'processor:probabilistic_sampler': { sampling_percentage: 10 },
  'processor:attributes': { actions: [{ key: 'deployment.environment', value: 'production', action: 'upsert' }] },
  'processor:resource': { attributes: [{ key: 'service.namespace', value: 'default', action: 'upsert' }] },
  'processor:filter': { error_mode: 'ignore', traces: { span: ['attributes["http.route"] == "/health"'] } },
  'processor:transform': { error_mode: 'ignore', trace_statements: ['set(span.attributes["studio.touched"], true)'] },
  'processor:k8s_attributes': { auth_type: 'serviceAccount', extract: { metadata: ['k8s.namespace.name', 'k8s.pod.name', 'k8s.deployment.name', 'k8s.node.name'] } },
  'processor:resource_detection': { detectors: ['env', 'system'], timeout: '2s', override: false },
  'processor:groupbytrace': { wait_duration: '1s' },
  'processor:cumulative_to_delta': null,
  'processor:delta_to_cumulative': null,
  // exporters
  'exporter:otlp_grpc': { endpoint: 'localhost:4317' },
  'exporter:otlp_http': { endpoint: 'http://localhost:4318' },
  'exporter:debug': { verbosity: 'basic' },
  'exporter:prometheus': { endpoint: 'localhost:8889' },
  'exporter:prometheus_remote_write': { endpoint: 'http://localhost:9090/api/v1/write' },
  'exporter:file': { path: './telemetry.jsonl' },
  'exporter:kafka': { brokers: ['localhost:9092'] },
  'exporter:zipkin': { endpoint: 'http://localhost:9411/api/v2/spans' },
  'exporter:load_balancing': { protocol: { otlp: { timeout: '1s' } }, resolver: { static: { hostnames: ['localhost:4317'] } } },
  'exporter:elasticsearch': { endpoints: ['http://localhost:9200'] },
  'exporter:nop': null,
  // connectors
  'connector:span_metrics': { histogram: { explicit: { buckets: BUCKETS } } },
  'connector:service_graph': { latency_histogram_buckets: BUCKETS, store: { ttl: '2s', max_items: 1000 } },
  'connector:routing': { default_pipelines: ['traces'], table: [{ condition: 'attributes["env"] == "prod"', pipelines: ['traces'] }] },
  'connector:forward': null,
  'connector:count': null,
  // extensions
  'extension:health_check': { endpoint: 'localhost:13133' },
  'extension:pprof': { endpoint: 'localhost:1777' },
  'extension:zpages': { endpoint: 'localhost:55679' },
  'extension:file_storage': { directory: '/var/lib/otelcol/file_storage' },
  'extension:bearertokenauth': { token: '${env:BEARER_TOKEN}' },
  'extension:basicauth': { client_auth: { username: '${env:BASIC_AUTH_USERNAME}', password: '${env:BASIC_AUTH_PASSWORD}' } },
  'extension:oauth2client': { client_id: '${env:OAUTH_CLIENT_ID}', client_secret: '${env:OAUTH_CLIENT_SECRET}', token_url: 'https://auth.example.com/oauth2/token' },
  'extension:memory_limiter': { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 20 },
};

function copy(value: unknown): unknown {
  return value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** A fresh starter body for a component type (a copy, safe to mutate); `null` (all defaults) when none is known. */
export function defaultBody(kind: ComponentKind, type: string): unknown {
  const canonical = findComponent(kind, type)?.entry.type ?? type;
  const key = `${kind}:${canonical}`;
  if (key in DEFAULTS) return copy(DEFAULTS[key]);
  const given = `${kind}:${type}`;
  return given in DEFAULTS ? copy(DEFAULTS[given]) : null;
}

/** The component types with a starter body, for the palette and the tests. */
export function typesWithDefaultBody(): { kind: ComponentKind; type: string }[] {
  return Object.keys(DEFAULTS).map((key) => {
    const [kind, type] = key.split(':') as [ComponentKind, string];
    return { kind, type };
  });
}
