import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parseConfig';
import { SAMPLE_CONFIG } from '../samples/sampleConfig';
import { laneNodeKey } from '../graph/buildGraph';
import { createPipelineRun } from './pipelineRun';
import { tracesOf, type TestSpan } from './testTraces';

const T0 = 1_700_000_000_000;

function traffic(): TestSpan[] {
  const spans: TestSpan[] = [];
  for (let i = 1; i <= 40; i++) {
    const traceId = i.toString(16);
    const slow = i % 10 === 0;
    const error = i % 13 === 0;
    spans.push({ traceId, spanId: `${i}01`, startMs: T0 + i * 100, durationMs: slow ? 900 : 40, error, service: 'api' });
    spans.push({ traceId, spanId: `${i}02`, parentSpanId: `${i}01`, startMs: T0 + i * 100 + 5, durationMs: 20, service: 'db' });
  }
  return spans;
}

function run(config: string, spans = traffic()) {
  const r = createPipelineRun(parseConfig(config));
  r.feed({ atMs: T0 + 5000, data: tracesOf(spans) });
  return r.finish();
}

describe('createPipelineRun on the sample', () => {
  const result = run(SAMPLE_CONFIG);

  it('counts what enters every traces pipeline', () => {
    expect(result.summary.inputSpans).toBe(80);
    expect(result.summary.inputTraces).toBe(40);
    const receiver = result.nodes.find((n) => n.key === laneNodeKey('traces', 'receivers', 'otlp'))!;
    expect(receiver.spansOut).toBe(80);
  });

  it('keeps every error and every slow trace through tail sampling', () => {
    const kept = result.traces.filter((t) => t.decision === 'sampled').map((t) => Number.parseInt(t.traceId, 16));
    for (const i of [10, 20, 30, 40, 13, 26, 39]) expect(kept).toContain(i);
    const explained = result.traces.find((t) => Number.parseInt(t.traceId, 16) === 10)!;
    expect(explained.policies.find((p) => p.policy === 'slow')?.verdict).toBe('Sampled');
  });

  it('reports per-policy matches and sole decisions', () => {
    const slow = result.policies.find((p) => p.policy === 'slow')!;
    expect(slow.matched).toBeGreaterThanOrEqual(4);
    expect(slow.decidedAlone).toBeLessThanOrEqual(slow.matched);
  });

  it('exports only kept traces from the sampled pipeline, and everything to span_metrics', () => {
    const debug = result.exporters.find((e) => e.exporterId === 'debug')!;
    expect(debug.traces).toBe(result.summary.sampledTraces);
    const connector = result.nodes.find((n) => n.key === 'connector:span_metrics')!;
    expect(connector.spansIn).toBe(80);
    expect(connector.metricPoints).toBeGreaterThan(0);
  });

  it('labels the edges of the canvas with spans and traces', () => {
    const edge = result.edges.find((e) => e.key === `traces:${laneNodeKey('traces', 'processors', 'tail_sampling')}->${laneNodeKey('traces', 'processors', 'batch')}`);
    expect(edge?.traces).toBe(result.summary.sampledTraces);
  });

  it('marks components it does not model as not simulated', () => {
    const r = run(SAMPLE_CONFIG.replace('processors: [memory_limiter, tail_sampling, batch]', 'processors: [memory_limiter, k8s_attributes, tail_sampling, batch]').replace('processors:\n', 'processors:\n  k8s_attributes:\n'));
    expect(r.summary.notSimulated).toContain('k8s_attributes');
    expect(r.nodes.find((n) => n.componentId === 'k8s_attributes')?.notes[0]).toMatch(/not simulated/);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(run(SAMPLE_CONFIG).traces)).toBe(JSON.stringify(result.traces));
  });
});

describe('createPipelineRun with connectors', () => {
  it('routes by attribute into the named pipelines', () => {
    const config = `receivers:
  otlp:
connectors:
  routing:
    default_pipelines: [traces/other]
    table:
      - condition: resource.attributes["service.name"] == "api"
        pipelines: [traces/api]
exporters:
  debug/api:
  debug/other:
service:
  pipelines:
    traces/in:
      receivers: [otlp]
      exporters: [routing]
    traces/api:
      receivers: [routing]
      exporters: [debug/api]
    traces/other:
      receivers: [routing]
      exporters: [debug/other]
`;
    const r = run(config);
    expect(r.exporters.find((e) => e.exporterId === 'debug/api')?.spans).toBe(40);
    expect(r.exporters.find((e) => e.exporterId === 'debug/other')?.spans).toBe(40);
  });

  it('reports a component config the Collector rejects and lets nothing through it', () => {
    const r = run(SAMPLE_CONFIG.replace('decision_wait: 10s', 'decision_wait: 10s\n    bogus_key: 1'));
    expect(r.issues.some((i) => i.componentId === 'tail_sampling' && i.severity === 'error')).toBe(true);
  });
});

describe('debug exporter output in a run', () => {
  it('shows each payload as the exporter got it, even when a connector hands the same spans on to a processor that changes them', () => {
    const config = `receivers:
  otlp:
    protocols: {grpc: {}}
processors:
  attributes/later:
    actions: [{key: stage, value: after-the-connector, action: upsert}]
connectors:
  forward:
exporters:
  debug:
    verbosity: detailed
  debug/after:
    verbosity: detailed
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug, forward]
    traces/next:
      receivers: [forward]
      processors: [attributes/later]
      exporters: [debug/after]
`;
    const result = run(config);
    const first = result.debugOutput.filter((d) => d.exporterId === 'debug').map((d) => d.text).join('');
    const after = result.debugOutput.filter((d) => d.exporterId === 'debug/after').map((d) => d.text).join('');
    expect(after).toContain('after-the-connector');
    expect(first).toContain('Span #0');
    expect(first).not.toContain('after-the-connector');
  });
});
