import { describe, expect, it } from 'vitest';
import { validateConfig } from './validateConfig';

describe('validateConfig on awkward input', () => {
  it('a03: an empty text reports the root and pipeline checks, with ranges', () => {
    const r = validateConfig('');
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['empty configuration file', 'service::pipelines: service must have at least one pipeline']);
    expect(r.diagnostics.every((d) => d.range !== null)).toBe(true);
  });

  it('reports YAML syntax errors and non-mapping roots without throwing', () => {
    for (const text of ['receivers: [', '- a\n- b\n', 'just text', 'receivers:\n  otlp:\n  otlp:\n']) {
      const r = validateConfig(text);
      expect(r.valid).toBe(false);
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('validates a config inside a Kubernetes ConfigMap, with ranges in the outer text', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: otel
data:
  relay: |
    receivers:
      otlp:
        protocols:
          grpc:
    exporters:
      debug:
        verbosity: none
    service:
      pipelines:
        traces:
          receivers: [otlp]
          exporters: [debug]
`;
    const r = validateConfig(text);
    const d = r.diagnostics.find((x) => x.severity === 'error');
    expect(d?.message).toBe('exporters::debug: verbosity level "None" is not supported');
    expect(d?.range?.start.line).toBe(13);
  });

  it('validates the config: key of Helm values', () => {
    const text = 'mode: deployment\nconfig:\n  receivers:\n    nop:\n  exporters:\n    nop:\n  service:\n    pipelines:\n      traces:\n        receivers: [nop]\n        exporters: [nop, nope]\n';
    const r = validateConfig(text);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.message, d.range?.start.line])).toEqual([
      ['service::pipelines::traces: references exporter "nope" which is not configured', 11],
    ]);
  });

  it('marks every studio diagnostic as advice and every Collector one with a Collector stage', () => {
    const r = validateConfig('receivers:\n  otlp:\n    protocols:\n      grpc:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n');
    for (const d of r.diagnostics) {
      if (d.origin === 'studio') expect(['advice', 'parse']).toContain(d.stage);
      else expect(['parse', 'resolve', 'decode', 'validate', 'build']).toContain(d.stage);
    }
  });
});
