/**
 * The template gallery: realistic, commented recipes, each a complete config valid for
 * otelcol-contrib v0.159 with the component type names of that release (`otlp_grpc`,
 * `k8s_attributes`, `span_metrics`, `load_balancing`, ... — checked against the catalogue by
 * `templateGallery.test.ts`, never guessed). Hostnames are placeholders to replace.
 */
import type { ConfigTemplate } from './configTemplate';

const OTLP_RECEIVER = `  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
      http:
        endpoint: 0.0.0.0:4318`;

const MEMORY_LIMITER = `  # First in every pipeline: refuses data before the process runs out of memory.
  memory_limiter:
    check_interval: 1s
    limit_percentage: 80
    spike_limit_percentage: 25`;

const TEMPLATES: readonly ConfigTemplate[] = [
  {
    id: 'tail-sampling',
    title: 'Tail sampling: keep errors, slow traces and a share of the rest',
    description:
      'A probabilistic head stage halves the volume by trace id, then tail sampling keeps every trace with an error, every trace slower than 500 ms, and 10% of the others.',
    tags: ['traces', 'sampling', 'gateway'],
    config: `# Tail sampling needs every span of a trace in this Collector: run it behind a
# load_balancing exporter (see the "Load balancing" template) when you run more than one.
receivers:
${OTLP_RECEIVER}

processors:
${MEMORY_LIMITER}
  # Head stage: keeps 50% of traces, decided by trace id, so a trace is kept or dropped whole.
  # Errors in the dropped half are lost too; remove this stage if you must keep all of them.
  probabilistic_sampler:
    sampling_percentage: 50
  tail_sampling:
    # How long to wait for a trace's spans before deciding.
    decision_wait: 10s
    num_traces: 50000
    expected_new_traces_per_sec: 500
    # A trace is kept when any policy says so.
    policies:
      - name: keep-errors
        type: status_code
        status_code:
          status_codes: [ERROR]
      - name: keep-slow
        type: latency
        latency:
          threshold_ms: 500
      - name: keep-a-share
        type: probabilistic
        probabilistic:
          sampling_percentage: 10
  batch:
    timeout: 5s

exporters:
  otlp_grpc:
    endpoint: tempo:4317
    tls:
      insecure: true

service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, probabilistic_sampler, tail_sampling, batch]
      exporters: [otlp_grpc]
`,
  },
  {
    id: 'agent',
    title: 'Agent: one Collector per node, forwarding to a gateway',
    description: 'Receives OTLP from local applications, adds host and environment attributes, and forwards everything to a central gateway with retries and a queue.',
    tags: ['traces', 'metrics', 'logs', 'agent'],
    config: `# Runs next to the applications (DaemonSet, sidecar or host service).
receivers:
${OTLP_RECEIVER}

processors:
${MEMORY_LIMITER}
  # Adds host.name, os.type and OTEL_RESOURCE_ATTRIBUTES to every signal.
  resource_detection:
    detectors: [env, system]
    timeout: 2s
    override: false
  batch:

exporters:
  otlp_grpc/gateway:
    endpoint: otel-gateway:4317
    tls:
      insecure: true
    # Survive a gateway restart without losing data.
    sending_queue:
      enabled: true
      queue_size: 5000
    retry_on_failure:
      enabled: true
      max_elapsed_time: 300s

extensions:
  health_check:
    endpoint: 0.0.0.0:13133

service:
  extensions: [health_check]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, resource_detection, batch]
      exporters: [otlp_grpc/gateway]
    metrics:
      receivers: [otlp]
      processors: [memory_limiter, resource_detection, batch]
      exporters: [otlp_grpc/gateway]
    logs:
      receivers: [otlp]
      processors: [memory_limiter, resource_detection, batch]
      exporters: [otlp_grpc/gateway]
`,
  },
  {
    id: 'gateway',
    title: 'Gateway: a central Collector in front of a vendor backend',
    description: 'Receives OTLP from agents, batches it and sends it to an OTLP/HTTP backend with an API token read from the environment.',
    tags: ['traces', 'metrics', 'logs', 'gateway'],
    config: `# Runs as a Deployment behind a Service; agents send to it.
receivers:
${OTLP_RECEIVER}

processors:
${MEMORY_LIMITER}
  batch:
    send_batch_size: 8192
    timeout: 2s

exporters:
  otlp_http:
    endpoint: https://otlp.example.com
    headers:
      # Kept out of the file: set BACKEND_TOKEN in the Collector's environment.
      Authorization: "Bearer \${env:BACKEND_TOKEN}"
    compression: gzip

extensions:
  health_check:
    endpoint: 0.0.0.0:13133

service:
  extensions: [health_check]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      exporters: [otlp_http]
    metrics:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      exporters: [otlp_http]
    logs:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      exporters: [otlp_http]
`,
  },
  {
    id: 'load-balancing',
    title: 'Load balancing in front of tail-sampling gateways',
    description: 'A first tier routes every span of a trace to the same second-tier Collector (by trace id, found through DNS), so tail sampling there sees whole traces.',
    tags: ['traces', 'sampling', 'scaling'],
    config: `# Tier 1. Tier 2 runs the "Tail sampling" template behind a headless Service.
receivers:
${OTLP_RECEIVER}

processors:
${MEMORY_LIMITER}

exporters:
  load_balancing:
    # All spans of a trace go to the same backend.
    routing_key: traceID
    protocol:
      otlp:
        timeout: 1s
        tls:
          insecure: true
    resolver:
      # A headless Service returns one A record per tail-sampling pod.
      dns:
        hostname: otel-sampler-headless.observability.svc.cluster.local
        port: 4317

service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter]
      exporters: [load_balancing]
`,
  },
  {
    id: 'kubernetes-attributes',
    title: 'Kubernetes attributes on every signal',
    description: 'Looks up the sending pod and adds namespace, pod, deployment and node names plus a label, so telemetry can be filtered by workload.',
    tags: ['kubernetes', 'traces', 'metrics', 'logs'],
    config: `# Needs RBAC: get/watch/list on pods, namespaces and replicasets for the service account.
receivers:
${OTLP_RECEIVER}

processors:
${MEMORY_LIMITER}
  k8s_attributes:
    auth_type: serviceAccount
    extract:
      metadata:
        - k8s.namespace.name
        - k8s.pod.name
        - k8s.pod.uid
        - k8s.deployment.name
        - k8s.node.name
      labels:
        - tag_name: app.component
          key: app.kubernetes.io/component
          from: pod
    # How a span is matched to its pod: the pod IP the SDK reported, else the connection.
    pod_association:
      - sources:
          - from: resource_attribute
            name: k8s.pod.ip
      - sources:
          - from: connection
  batch:

exporters:
  otlp_grpc:
    endpoint: otel-gateway:4317
    tls:
      insecure: true

service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, k8s_attributes, batch]
      exporters: [otlp_grpc]
    metrics:
      receivers: [otlp]
      processors: [memory_limiter, k8s_attributes, batch]
      exporters: [otlp_grpc]
    logs:
      receivers: [otlp]
      processors: [memory_limiter, k8s_attributes, batch]
      exporters: [otlp_grpc]
`,
  },
  {
    id: 'span-metrics-service-graph',
    title: 'RED metrics and a service graph from traces',
    description: 'The span_metrics and service_graph connectors turn traces into request, error and duration metrics and service-to-service edges, exposed for Prometheus to scrape.',
    tags: ['traces', 'metrics', 'connectors'],
    config: `receivers:
${OTLP_RECEIVER}

processors:
${MEMORY_LIMITER}
  batch:

connectors:
  # calls and duration per service, span name, kind and status (plus the dimensions below).
  span_metrics:
    histogram:
      explicit:
        buckets: [5ms, 10ms, 25ms, 50ms, 100ms, 250ms, 500ms, 1s, 2.5s, 5s]
    dimensions:
      - name: http.request.method
      - name: http.response.status_code
    metrics_flush_interval: 15s
  # Pairs client and server spans into edges between services.
  service_graph:
    latency_histogram_buckets: [10ms, 50ms, 100ms, 500ms, 1s, 5s]
    store:
      ttl: 2s
      max_items: 1000

exporters:
  otlp_grpc/traces:
    endpoint: tempo:4317
    tls:
      insecure: true
  prometheus:
    endpoint: 0.0.0.0:8889

service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      # The connectors are exporters here and receivers below.
      exporters: [otlp_grpc/traces, span_metrics, service_graph]
    metrics:
      receivers: [span_metrics, service_graph]
      exporters: [prometheus]
`,
  },
  {
    id: 'routing-by-tenant',
    title: 'Routing by tenant',
    description: "The routing connector sends each tenant's traces to its own pipeline and backend, by the tenant.id resource attribute; unknown tenants go to a default pipeline.",
    tags: ['traces', 'routing', 'multi-tenant', 'connectors'],
    config: `receivers:
${OTLP_RECEIVER}

processors:
${MEMORY_LIMITER}
  batch:

connectors:
  routing:
    default_pipelines: [traces/default]
    # A route is chosen from the resource, so a whole batch of one service goes one way.
    table:
      - context: resource
        condition: attributes["tenant.id"] == "acme"
        pipelines: [traces/acme]
      - context: resource
        condition: attributes["tenant.id"] == "globex"
        pipelines: [traces/globex]

exporters:
  otlp_grpc/acme:
    endpoint: tempo-acme:4317
    tls:
      insecure: true
  otlp_grpc/globex:
    endpoint: tempo-globex:4317
    tls:
      insecure: true
  otlp_grpc/default:
    endpoint: tempo-shared:4317
    tls:
      insecure: true

service:
  pipelines:
    traces/in:
      receivers: [otlp]
      processors: [memory_limiter]
      exporters: [routing]
    traces/acme:
      receivers: [routing]
      processors: [batch]
      exporters: [otlp_grpc/acme]
    traces/globex:
      receivers: [routing]
      processors: [batch]
      exporters: [otlp_grpc/globex]
    traces/default:
      receivers: [routing]
      processors: [batch]
      exporters: [otlp_grpc/default]
`,
  },
  {
    id: 'pii-redaction',
    title: 'PII redaction',
    description: 'Deletes and hashes identifying attributes, masks card numbers and e-mail addresses wherever they appear in span attributes, and scrubs tokens from URLs.',
    tags: ['traces', 'security', 'privacy'],
    config: `receivers:
${OTLP_RECEIVER}

processors:
${MEMORY_LIMITER}
  # Known keys: drop what must never leave, hash what is still useful for grouping.
  attributes/pii:
    actions:
      - key: user.email
        action: delete
      - key: enduser.id
        action: hash
      - key: http.request.header.authorization
        action: delete
  # Unknown places: mask values that look like card numbers or e-mail addresses.
  redaction:
    allow_all_keys: true
    blocked_values:
      - "\\\\b4[0-9]{12}(?:[0-9]{3})?\\\\b" # Visa
      - "\\\\b5[1-5][0-9]{14}\\\\b" # Mastercard
      - "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\\\.[A-Za-z]{2,}" # e-mail
    summary: info
  transform/urls:
    error_mode: ignore
    trace_statements:
      - context: span
        statements:
          - replace_pattern(attributes["url.full"], "token=[^&]+", "token=REDACTED")
  batch:

exporters:
  otlp_grpc:
    endpoint: otel-gateway:4317
    tls:
      insecure: true

service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, attributes/pii, redaction, transform/urls, batch]
      exporters: [otlp_grpc]
`,
  },
  {
    id: 'jaeger-backend',
    title: 'Jaeger backend (with legacy Jaeger clients)',
    description: 'Accepts OTLP and the Jaeger protocols from older clients, and sends traces to Jaeger, which ingests OTLP natively on port 4317.',
    tags: ['traces', 'jaeger', 'backend'],
    config: `receivers:
${OTLP_RECEIVER}
  # For applications still on Jaeger client libraries.
  jaeger:
    protocols:
      grpc:
        endpoint: 0.0.0.0:14250
      thrift_http:
        endpoint: 0.0.0.0:14268
      thrift_compact:
        endpoint: 0.0.0.0:6831

processors:
${MEMORY_LIMITER}
  batch:

exporters:
  # Jaeger v2 (and v1 >= 1.35) accepts OTLP; there is no separate Jaeger exporter any more.
  otlp_grpc/jaeger:
    endpoint: jaeger-collector:4317
    tls:
      insecure: true

service:
  pipelines:
    traces:
      receivers: [otlp, jaeger]
      processors: [memory_limiter, batch]
      exporters: [otlp_grpc/jaeger]
`,
  },
  {
    id: 'tempo-backend',
    title: 'Grafana Tempo backend (multi-tenant)',
    description: 'Sends traces to Tempo over OTLP/gRPC with the X-Scope-OrgID tenant header, compressed, with a persistent queue of retries.',
    tags: ['traces', 'tempo', 'backend'],
    config: `receivers:
${OTLP_RECEIVER}

processors:
${MEMORY_LIMITER}
  batch:

exporters:
  otlp_grpc/tempo:
    endpoint: tempo-distributor:4317
    tls:
      insecure: true
    # Tempo with multitenancy_enabled reads the tenant from this header.
    headers:
      X-Scope-OrgID: "\${env:TEMPO_TENANT}"
    compression: zstd
    sending_queue:
      enabled: true
    retry_on_failure:
      enabled: true

service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      exporters: [otlp_grpc/tempo]
`,
  },
  {
    id: 'host-metrics',
    title: 'Host metrics',
    description: "Scrapes CPU, memory, load, disk, filesystem, network and paging metrics of the machine every 30 s and writes them to Prometheus with remote write.",
    tags: ['metrics', 'host', 'infrastructure'],
    config: `receivers:
  host_metrics:
    collection_interval: 30s
    # In a container, mount the host's / at /hostfs and uncomment:
    # root_path: /hostfs
    scrapers:
      cpu:
      memory:
      load:
      disk:
      filesystem:
      network:
      paging:

processors:
${MEMORY_LIMITER}
  resource_detection:
    detectors: [env, system]
  batch:

exporters:
  prometheus_remote_write:
    endpoint: http://prometheus:9090/api/v1/write
    # Turns resource attributes (host.name, ...) into target_info labels.
    resource_to_telemetry_conversion:
      enabled: true

service:
  pipelines:
    metrics:
      receivers: [host_metrics]
      processors: [memory_limiter, resource_detection, batch]
      exporters: [prometheus_remote_write]
`,
  },
  {
    id: 'logs-from-files',
    title: 'Logs from files',
    description: 'Tails JSON log files, parses time and severity, remembers file offsets across restarts, and sends the logs to Loki over OTLP.',
    tags: ['logs', 'files', 'loki'],
    config: `receivers:
  file_log:
    include: [/var/log/app/*.log]
    exclude: [/var/log/app/*.gz]
    # Only new lines on first start; the offsets in file_storage take over after that.
    start_at: end
    include_file_path: true
    storage: file_storage
    operators:
      - type: json_parser
        timestamp:
          parse_from: attributes.time
          layout: '%Y-%m-%dT%H:%M:%S.%LZ'
        severity:
          parse_from: attributes.level

processors:
${MEMORY_LIMITER}
  batch:

exporters:
  # Loki 3 ingests OTLP at /otlp.
  otlp_http/loki:
    endpoint: http://loki:3100/otlp

extensions:
  # Keeps read offsets so a restart neither skips nor repeats lines.
  file_storage:
    directory: /var/lib/otelcol/file_storage

service:
  extensions: [file_storage]
  pipelines:
    logs:
      receivers: [file_log]
      processors: [memory_limiter, batch]
      exporters: [otlp_http/loki]
`,
  },
];

/** Every template, in gallery order. */
export function listTemplates(): readonly ConfigTemplate[] {
  return TEMPLATES;
}

/** The template with this id, or undefined. */
export function findTemplate(id: string): ConfigTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
