import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractCollectorConfig } from './extractCollectorConfig';

describe('extractCollectorConfig', () => {
  it('returns a plain config as it is', () => {
    expect(extractCollectorConfig('receivers: {}\n')).toEqual({ ok: true, text: 'receivers: {}\n', from: 'collector-config', notes: [] });
  });
  it('returns the config inside a ConfigMap and says where it was', () => {
    const r = extractCollectorConfig('kind: ConfigMap\nmetadata:\n  name: c\ndata:\n  relay: |\n    exporters:\n      debug: {}\n');
    expect(r).toMatchObject({ ok: true, text: 'exporters:\n  debug: {}\n', from: 'configmap' });
  });
  it("returns the config the Helm chart renders, the chart's defaults merged in", () => {
    const r = extractCollectorConfig('mode: deployment\nconfig:\n  receivers:\n    jaeger: null\n');
    if (!r.ok) throw new Error(r.message);
    expect(Object.keys(parse(r.text).receivers)).toEqual(['otlp', 'prometheus', 'zipkin']);
    expect(r.notes.join(' ')).toContain('Removed by null');
  });
  it('refuses text without a config, with the recognition sentence', () => {
    expect(extractCollectorConfig('kind: Deployment\n')).toEqual({ ok: false, message: 'This is YAML, but not a Collector config: it is a Kubernetes Deployment with no Collector config inside.' });
  });
});
