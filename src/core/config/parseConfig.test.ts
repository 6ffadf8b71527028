import { describe, expect, it } from 'vitest';
import { parseConfig } from './parseConfig';

const sample = `# comment
receivers:
  otlp:
    protocols:
      grpc:
processors:
  batch:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [debug]
`;

describe('parseConfig', () => {
  it('reads definitions with their key line and column', () => {
    const model = parseConfig(sample);
    expect(model.diagnostics).toEqual([]);
    const otlp = model.components.find((c) => c.id === 'otlp');
    expect(otlp?.kind).toBe('receiver');
    expect(otlp?.keyRange.start).toMatchObject({ line: 3, column: 3 });
    expect(otlp?.config).toEqual({ protocols: { grpc: null } });
  });

  it('reads pipelines with the range of every reference', () => {
    const model = parseConfig(sample);
    const traces = model.pipelines[0]!;
    expect(traces.id).toBe('traces');
    expect(traces.signal).toBe('traces');
    expect(traces.processors.map((r) => r.id)).toEqual(['batch']);
    expect(traces.exporters[0]?.range.start).toMatchObject({ line: 15, column: 19 });
  });

  it('keeps ids named 123 or true as the text written', () => {
    const model = parseConfig('receivers:\n  123:\n  true:\nservice:\n  pipelines:\n    traces/true:\n      receivers: [123, true]\n');
    expect(model.components.map((c) => c.id)).toEqual(['123', 'true']);
    expect(model.components[0]?.idError).toMatch(/invalid character\(s\) in type "123"/);
    expect(model.pipelines[0]?.id).toBe('traces/true');
    expect(model.pipelines[0]?.receivers.map((r) => r.raw)).toEqual(['123', 'true']);
  });

  it('reports duplicate keys in the Collector wording with the first line', () => {
    const model = parseConfig('receivers:\n  otlp:\n  otlp:\n');
    const dup = model.diagnostics.find((d) => d.code === 'yaml-duplicate-key');
    expect(dup?.message).toBe('mapping key "otlp" already defined at line 2');
    expect(dup?.range?.start.line).toBe(3);
  });

  it('resolves anchors, aliases and merge keys', () => {
    const text = `x-base: &base
  timeout: 5s
exporters:
  otlp_grpc:
    <<: *base
    endpoint: a:4317
service:
  pipelines:
    traces:
      exporters: &exp [otlp_grpc]
    logs:
      exporters: *exp
`;
    const model = parseConfig(text);
    expect(model.components[0]?.config).toEqual({ timeout: '5s', endpoint: 'a:4317' });
    expect(model.pipelines[1]?.exporters.map((r) => r.id)).toEqual(['otlp_grpc']);
  });

  it('reports a syntax error at its line and keeps going', () => {
    const model = parseConfig('receivers:\n  otlp: [a\nexporters:\n');
    const error = model.diagnostics.find((d) => d.code === 'yaml-syntax');
    expect(error?.severity).toBe('error');
    expect(error?.range?.start.line).toBeGreaterThanOrEqual(2);
  });

  it('treats an empty file as an empty, usable config', () => {
    const model = parseConfig('');
    expect(model.usable).toBe(true);
    expect(model.components).toEqual([]);
  });

  it('rejects a list or a scalar at the top level with a clear message', () => {
    expect(parseConfig('- a\n- b\n').diagnostics[0]?.message).toMatch(/top level, but it is a list/);
    expect(parseConfig('hello\n').diagnostics[0]?.message).toMatch(/but it is a string/);
    expect(parseConfig('- a\n').usable).toBe(false);
  });

  it('reports a scalar where a pipeline list is expected (config-semantics §5.4)', () => {
    const model = parseConfig('service:\n  pipelines:\n    traces:\n      receivers: otlp\n');
    expect(model.diagnostics[0]?.message).toBe("'service.pipelines[traces].receivers' expected a list of component ids, got a string");
  });

  it('never renders markup: a hostile id stays text', () => {
    const model = parseConfig('receivers:\n  "<img src=x onerror=alert(1)>":\n');
    expect(model.components[0]?.rawKey).toBe('<img src=x onerror=alert(1)>');
    expect(model.components[0]?.idError).toMatch(/invalid character/);
  });

  it('survives binary garbage', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    const model = parseConfig(garbage);
    expect(model.diagnostics.length).toBeGreaterThan(0);
    expect(model.diagnostics.every((d) => d.range !== null)).toBe(true);
  });
});

describe('parseConfig unwraps configs held by other documents', () => {
  it('a ConfigMap data key holding Collector YAML, with lines in the outer text', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: otel-conf
data:
  relay: |
    receivers:
      otlp:
    service:
      pipelines:
        traces:
          receivers: [otlp]
`;
    const model = parseConfig(text);
    expect(model.unwrapped?.kind).toBe('configmap');
    expect(model.unwrapped?.description).toContain('ConfigMap otel-conf, key "relay"');
    const otlp = model.components[0]!;
    expect(otlp.keyRange.start).toMatchObject({ line: 8, column: 7 });
    expect(model.pipelines[0]?.receivers[0]?.range.start).toMatchObject({ line: 12, column: 23 });
    expect(model.diagnostics.some((d) => d.code === 'unwrapped' && d.severity === 'info')).toBe(true);
  });

  it('an OpenTelemetryCollector v1alpha1 resource (spec.config as a string)', () => {
    const text = `apiVersion: opentelemetry.io/v1alpha1
kind: OpenTelemetryCollector
metadata:
  name: simplest
spec:
  config: |
    receivers:
      otlp:
    exporters:
      debug:
`;
    const model = parseConfig(text);
    expect(model.unwrapped?.kind).toBe('operator-v1alpha1');
    expect(model.components.map((c) => c.id)).toEqual(['otlp', 'debug']);
    expect(model.components[1]?.keyRange.start.line).toBe(10);
  });

  it('an OpenTelemetryCollector v1beta1 resource (spec.config as a map)', () => {
    const text = `apiVersion: opentelemetry.io/v1beta1
kind: OpenTelemetryCollector
metadata:
  name: gw
spec:
  config:
    receivers:
      otlp: {}
`;
    const model = parseConfig(text);
    expect(model.unwrapped?.kind).toBe('operator-v1beta1');
    expect(model.components[0]?.keyRange.start.line).toBe(8);
  });

  it('Helm values with a config: key', () => {
    const model = parseConfig('mode: deployment\nconfig:\n  exporters:\n    debug: {}\n');
    expect(model.unwrapped?.kind).toBe('helm-values');
    expect(model.components[0]?.id).toBe('debug');
  });
});
