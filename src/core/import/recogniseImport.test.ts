import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recogniseImport } from './recogniseImport';

const CONFIG = `receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
`;

function indent(text: string, by: number): string {
  return text
    .split('\n')
    .map((line) => (line ? ' '.repeat(by) + line : line))
    .join('\n');
}

describe('recogniseImport', () => {
  it('recognises a plain Collector config and counts what is in it', () => {
    expect(recogniseImport(CONFIG)).toEqual({
      kind: 'collector-config',
      sentence: 'A Collector config with 1 receiver, 1 exporter and 1 pipeline.',
      configText: CONFIG,
    });
  });
  it('recognises a ConfigMap with any key, and names it', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: otel-agent\ndata:\n  notes: hello\n  collector.yaml: |\n${indent(CONFIG, 4)}`;
    const r = recogniseImport(text);
    expect(r).toMatchObject({ kind: 'configmap', resourceName: 'otel-agent', configMapKey: 'collector.yaml', configText: CONFIG });
    expect(r.sentence).toBe('Kubernetes ConfigMap "otel-agent": key "collector.yaml" holds a Collector config with 1 receiver, 1 exporter and 1 pipeline.');
  });
  it('finds the ConfigMap among several documents and says which one', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  relay: |\n${indent(CONFIG, 4)}`;
    expect(recogniseImport(text).sentence).toContain('(document 2 of 2)');
  });
  it('recognises an OpenTelemetryCollector v1beta1 with spec.config as a map, comments kept', () => {
    const text = `apiVersion: opentelemetry.io/v1beta1\nkind: OpenTelemetryCollector\nmetadata:\n  name: gateway\nspec:\n  mode: deployment\n  config:\n    # the receivers\n${indent(CONFIG, 4)}`;
    const r = recogniseImport(text);
    expect(r).toMatchObject({ kind: 'operator-v1beta1', resourceName: 'gateway' });
    expect(r.sentence).toBe('OpenTelemetryCollector "gateway" (opentelemetry.io/v1beta1): spec.config holds a Collector config with 1 receiver, 1 exporter and 1 pipeline.');
    expect(r.configText).toContain('# the receivers');
    expect(parse(r.configText ?? '')).toEqual(parse(CONFIG));
  });
  it('recognises an OpenTelemetryCollector v1alpha1 with spec.config as a string', () => {
    const text = `apiVersion: opentelemetry.io/v1alpha1\nkind: OpenTelemetryCollector\nmetadata:\n  name: old\nspec:\n  config: |\n${indent(CONFIG, 4)}`;
    expect(recogniseImport(text)).toMatchObject({ kind: 'operator-v1alpha1', resourceName: 'old', configText: CONFIG });
  });
  it('recognises Helm values of the opentelemetry-collector chart', () => {
    const text = `mode: daemonset\nimage:\n  repository: otel/opentelemetry-collector-k8s\nconfig:\n${indent(CONFIG, 2)}`;
    const r = recogniseImport(text);
    expect(r.kind).toBe('helm-values');
    expect(r.sentence).toBe('Helm values for the opentelemetry-collector chart (mode: daemonset): the chart merges this config: over its default config with 1 receiver, 1 exporter and 1 pipeline.');
    expect(parse(r.configText ?? '')).toEqual(parse(CONFIG));
  });
  it('recognises Helm values that only switch presets on', () => {
    expect(recogniseImport('mode: deployment\npresets:\n  kubernetesAttributes:\n    enabled: true\n')).toMatchObject({ kind: 'helm-values', configText: '' });
  });
  it('says when alternateConfig replaces config in Helm values', () => {
    const text = `mode: deployment\nalternateConfig:\n${indent(CONFIG, 2)}`;
    expect(recogniseImport(text).sentence).toContain('alternateConfig is set');
  });
  it('reports text that is not YAML, with the line', () => {
    expect(recogniseImport('receivers:\n  otlp: [\n')).toMatchObject({ kind: 'not-yaml', sentence: expect.stringMatching(/^This is not valid YAML: .*\(line \d+\)\.$/) });
  });
  it('reports YAML that is not a Collector config', () => {
    expect(recogniseImport('apiVersion: apps/v1\nkind: Deployment\n')).toEqual({
      kind: 'not-collector-config',
      sentence: 'This is YAML, but not a Collector config: it is a Kubernetes Deployment with no Collector config inside.',
      configText: null,
    });
    expect(recogniseImport('- a\n- b\n').kind).toBe('not-collector-config');
    expect(recogniseImport('{"resourceSpans": []}').sentence).toContain('OTLP trace data');
    expect(recogniseImport('   \n').sentence).toBe('The file is empty.');
  });
  it('keeps markup in names as plain text in the sentence', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "<b>x</b>"\ndata:\n  relay: |\n${indent(CONFIG, 4)}`;
    expect(recogniseImport(text).sentence).toContain('"<b>x</b>"');
  });
});
