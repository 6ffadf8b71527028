import { describe, expect, it } from 'vitest';
import { SAMPLE_CONFIG } from '../core/samples/sampleConfig';
import { createFullAnalyzer } from './analyzers';

describe('the full analyser (what the worker runs)', () => {
  it('finds no errors in the sample for otelcol-contrib', () => {
    const analysis = createFullAnalyzer()({ text: SAMPLE_CONFIG, distribution: 'contrib', env: {} });
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('flags the contrib-only components when the distribution is core', () => {
    const analysis = createFullAnalyzer()({ text: SAMPLE_CONFIG, distribution: 'core', env: {} });
    const flagged = analysis.diagnostics.filter((d) => d.severity === 'error' && d.code === 'unknown-type').map((d) => d.componentId);
    expect(flagged).toEqual(expect.arrayContaining(['tail_sampling', 'span_metrics']));
  });

  it('reports only the parse error while the YAML is broken', () => {
    const analysis = createFullAnalyzer()({ text: `${SAMPLE_CONFIG}  bad: [\n`, distribution: 'contrib', env: {} });
    expect(analysis.broken).toBe(true);
    expect(analysis.diagnostics.every((d) => d.stage === 'parse')).toBe(true);
  });

  it('lists the environment variables the config uses', () => {
    const analysis = createFullAnalyzer()({ text: SAMPLE_CONFIG.replace('collector.observability.svc:4317', '${env:OTLP_ENDPOINT:-collector:4317}'), distribution: 'contrib', env: {} });
    expect(analysis.variables.map((v) => [v.name, v.defaultValue])).toEqual([['OTLP_ENDPOINT', 'collector:4317']]);
  });
});

describe('very large configs', () => {
  it('skip the full validator and say so, keeping the graph', () => {
    const receivers = Array.from({ length: 30_000 }, (_, i) => `  otlp/r${i}:\n    protocols:\n      grpc:\n        endpoint: localhost:${1000 + i}\n`).join('');
    const text = `receivers:\n${receivers}exporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp/r0]\n      exporters: [debug]\n`;
    expect(text.length).toBeGreaterThan(2_000_000);
    const analysis = createFullAnalyzer()({ text, distribution: 'contrib', env: {} });
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['validation-skipped-large']);
    expect(analysis.diagnostics[0]?.message).toMatch(/pipeline-studio validate/);
    expect(analysis.graph.lanes).toHaveLength(1);
  });
});
