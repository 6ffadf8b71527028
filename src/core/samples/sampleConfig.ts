/**
 * The pipeline the app opens on: realistic, commented, valid for otelcol-contrib v0.159.
 * Traces are tail-sampled (keep errors and slow requests, a share of the rest) and also feed the
 * span_metrics connector, so RED metrics are computed from 100% of the traffic before sampling.
 */
export const SAMPLE_CONFIG = `# Pipeline Studio sample: an OTLP gateway with tail sampling and RED metrics.
# Edit the YAML or the canvas — both stay in sync.

extensions:
  health_check:
    endpoint: localhost:13133

receivers:
  otlp:
    protocols:
      grpc:
        endpoint: localhost:4317
      http:
        endpoint: localhost:4318

processors:
  # Refuse data before the process runs out of memory; keep it first in every pipeline.
  memory_limiter:
    check_interval: 1s
    limit_percentage: 80
    spike_limit_percentage: 20

  # Decide per trace once it is complete: keep every error and every slow trace,
  # and 10% of the rest.
  tail_sampling:
    decision_wait: 10s
    num_traces: 50000
    policies:
      - name: errors
        type: status_code
        status_code:
          status_codes: [ERROR]
      - name: slow
        type: latency
        latency:
          threshold_ms: 500
      - name: baseline
        type: probabilistic
        probabilistic:
          sampling_percentage: 10

  batch:
    send_batch_size: 8192
    timeout: 5s

connectors:
  # Request, error and duration metrics from every span, before sampling drops any.
  span_metrics:
    histogram:
      explicit:
        buckets: [5ms, 25ms, 100ms, 250ms, 1s]

exporters:
  otlp_grpc:
    endpoint: collector.observability.svc:4317
  debug:
    verbosity: basic

service:
  extensions: [health_check]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, tail_sampling, batch]
      exporters: [otlp_grpc, debug]
    traces/metrics:
      receivers: [otlp]
      processors: [memory_limiter]
      exporters: [span_metrics]
    metrics:
      receivers: [otlp, span_metrics]
      processors: [memory_limiter, batch]
      exporters: [otlp_grpc]
    logs:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      exporters: [otlp_grpc]
`;
