import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HELM_CHART_DEFAULT_CONFIG } from './helmChartDefaultConfig';
import { mergeHelmValues } from './mergeHelmValues';

describe('mergeHelmValues', () => {
  it("renders the chart's default config when the values set none", () => {
    const r = mergeHelmValues('mode: deployment\n');
    if (!r.ok) throw new Error(r.message);
    expect(r.config).toEqual(parse(HELM_CHART_DEFAULT_CONFIG));
    expect(parse(r.configText)).toEqual(r.config);
  });
  it("merges the user's config over the defaults and says what the chart added", () => {
    const r = mergeHelmValues(`mode: deployment
config:
  exporters:
    otlp_grpc:
      endpoint: tempo:4317
  service:
    pipelines:
      traces:
        exporters: [otlp_grpc]
`);
    if (!r.ok) throw new Error(r.message);
    const exporters = r.config.exporters as Record<string, unknown>;
    expect(Object.keys(exporters)).toEqual(['debug', 'otlp_grpc']);
    const service = r.config.service as { pipelines: Record<string, Record<string, unknown>> };
    // Lists replace; the rest of the pipeline comes from the chart.
    expect(service.pipelines.traces).toEqual({ exporters: ['otlp_grpc'], processors: ['memory_limiter', 'batch'], receivers: ['otlp', 'jaeger', 'zipkin'] });
    expect(r.explanation[0]).toBe(
      "Merged over the chart's default config: added exporters debug; extensions health_check; processors batch, memory_limiter; receivers jaeger, otlp, prometheus, zipkin; pipelines logs, metrics; service::telemetry; service::extensions; service::pipelines::traces::processors; service::pipelines::traces::receivers.",
    );
  });
  it('deletes keys set to null, and says so', () => {
    const r = mergeHelmValues(`config:
  receivers:
    jaeger: null
    zipkin: null
  service:
    pipelines:
      traces:
        receivers: [otlp]
`);
    if (!r.ok) throw new Error(r.message);
    expect(Object.keys(r.config.receivers as object)).toEqual(['otlp', 'prometheus']);
    expect(r.explanation).toContain('Removed by null in your values: receivers::jaeger, receivers::zipkin.');
  });
  it('removes a component written with an empty body, the well-known "batch:" trap', () => {
    const r = mergeHelmValues('config:\n  processors:\n    batch:\n');
    if (!r.ok) throw new Error(r.message);
    expect(Object.keys(r.config.processors as object)).toEqual(['memory_limiter']);
  });
  it('keeps nulls inside a subtree the chart does not define', () => {
    const r = mergeHelmValues('config:\n  receivers:\n    host_metrics:\n      scrapers:\n        cpu:\n');
    if (!r.ok) throw new Error(r.message);
    expect((r.config.receivers as Record<string, unknown>).host_metrics).toEqual({ scrapers: { cpu: null } });
  });
  it('merges nested maps: setting only the grpc endpoint keeps the chart\'s http protocol', () => {
    const r = mergeHelmValues('config:\n  receivers:\n    otlp:\n      protocols:\n        grpc:\n          endpoint: 0.0.0.0:4317\n');
    if (!r.ok) throw new Error(r.message);
    expect((r.config.receivers as Record<string, unknown>).otlp).toEqual({
      protocols: { grpc: { endpoint: '0.0.0.0:4317' }, http: { endpoint: '${env:MY_POD_IP}:4318' } },
    });
  });
  it('uses alternateConfig as is, with no defaults', () => {
    const r = mergeHelmValues('alternateConfig:\n  receivers:\n    otlp: {}\nconfig:\n  exporters:\n    x: {}\n');
    if (!r.ok) throw new Error(r.message);
    expect(r.config).toEqual({ receivers: { otlp: {} } });
    expect(r.explanation[0]).toContain('alternateConfig is set');
  });
  it('reports presets, internal telemetry switches and tpl expressions it does not simulate', () => {
    const r = mergeHelmValues(`presets:
  kubernetesAttributes:
    enabled: true
  annotationDiscovery:
    logs:
      enabled: true
internalTelemetryViaOTLP:
  metrics:
    enabled: true
config:
  exporters:
    otlp_grpc:
      endpoint: "{{ .Release.Name }}-gateway:4317"
`);
    if (!r.ok) throw new Error(r.message);
    const text = r.explanation.join('\n');
    expect(text).toContain('Enabled presets (kubernetesAttributes, annotationDiscovery)');
    expect(text).toContain('internalTelemetryViaOTLP');
    expect(text).toContain("tpl");
  });
  it('sorts keys as the chart renders them', () => {
    const r = mergeHelmValues('config:\n  service:\n    telemetry:\n      logs:\n        level: debug\n');
    if (!r.ok) throw new Error(r.message);
    expect(Object.keys(r.config)).toEqual(['exporters', 'extensions', 'processors', 'receivers', 'service']);
    expect(r.configText.startsWith('# The config the opentelemetry-collector Helm chart renders')).toBe(true);
  });
  it('refuses values it cannot render', () => {
    expect(mergeHelmValues('config: null\n')).toMatchObject({ ok: false, message: expect.stringContaining('config: is null') });
    expect(mergeHelmValues('config: text\n')).toMatchObject({ ok: false, message: expect.stringContaining('must be a mapping') });
    expect(mergeHelmValues('- a\n')).toMatchObject({ ok: false });
    expect(mergeHelmValues('a: [\n')).toMatchObject({ ok: false, message: expect.stringContaining('not valid YAML') });
  });
});
