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
