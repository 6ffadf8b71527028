/**
 * The opentelemetry-collector Helm chart's default `config:` — a verbatim copy of the `config:`
 * block of `charts/opentelemetry-collector/values.yaml` in open-telemetry/opentelemetry-helm-charts
 * at commit dd5665c06f376c00a5e2147aa84b70c3d105ecfb (2026-08-20; the chart's 0.15x series —
 * Chart.yaml near that date reads version 0.158.x), taken from our corpus file
 * `reference/corpus/configs/helm-charts__charts__opentelemetry-collector__values__doc-0-config.yaml`
 * (see that folder's SOURCES.md and manifest.json). Apache-2.0.
 *
 * The chart merges a user's `config:` over this (see `mergeHelmValues`) and then applies its
 * presets. Update it together with the chart version named above.
 */
export const HELM_CHART_SOURCE = 'open-telemetry/opentelemetry-helm-charts@dd5665c06f37 charts/opentelemetry-collector/values.yaml (chart 0.15x)';

export const HELM_CHART_DEFAULT_CONFIG = `exporters:
  debug: {}
extensions:
  # The health_check extension is mandatory for this chart.
  # Without the health_check extension the collector will fail the readiness and liveness probes.
  # The health_check extension can be modified, but should never be removed.
  health_check:
    endpoint: \${env:MY_POD_IP}:13133
processors:
  batch: {}
  # Default memory limiter configuration for the collector based on k8s resource limits.
  memory_limiter:
    # check_interval is the time between measurements of memory usage.
    check_interval: 5s
    # By default limit_mib is set to 80% of ".Values.resources.limits.memory"
    limit_percentage: 80
    # By default spike_limit_mib is set to 25% of ".Values.resources.limits.memory"
    spike_limit_percentage: 25
receivers:
  jaeger:
    protocols:
      grpc:
        endpoint: \${env:MY_POD_IP}:14250
      thrift_http:
        endpoint: \${env:MY_POD_IP}:14268
      thrift_compact:
        endpoint: \${env:MY_POD_IP}:6831
  otlp:
    protocols:
      grpc:
        endpoint: \${env:MY_POD_IP}:4317
      http:
        endpoint: \${env:MY_POD_IP}:4318
  # if internalTelemetryViaOTLP.metrics.enabled = true, prometheus receiver will be removed
  prometheus:
    config:
      scrape_configs:
        - job_name: opentelemetry-collector
          scrape_interval: 10s
          static_configs:
            - targets:
                - \${env:MY_POD_IP}:8888
  zipkin:
    endpoint: \${env:MY_POD_IP}:9411
service:
  telemetry:
    resource:
      k8s.namespace.name: "\${env:OTEL_K8S_NAMESPACE}"
      k8s.node.name: "\${env:OTEL_K8S_NODE_NAME}"
      k8s.node.ip: "\${env:OTEL_K8S_NODE_IP}"
      k8s.pod.name: "\${env:OTEL_K8S_POD_NAME}"
      k8s.pod.ip: "\${env:OTEL_K8S_POD_IP}"
      host.name: "\${env:OTEL_K8S_NODE_NAME}"
    metrics:
      readers:
        - pull:
            exporter:
              prometheus:
                host: \${env:MY_POD_IP}
                port: 8888
  extensions:
    - health_check
  pipelines:
    logs:
      exporters:
        - debug
      processors:
        - memory_limiter
        - batch
      receivers:
        - otlp
    metrics:
      exporters:
        - debug
      processors:
        - memory_limiter
        - batch
      receivers:
        - otlp
        # if internalTelemetryViaOTLP.metrics.enabled = true, prometheus receiver will be removed
        - prometheus
    traces:
      exporters:
        - debug
      processors:
        - memory_limiter
        - batch
      receivers:
        - otlp
        - jaeger
        - zipkin
`;
