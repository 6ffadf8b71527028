import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parseConfig';
import { SAMPLE_CONFIG } from '../samples/sampleConfig';
import { buildGraph, connectorNodeKey, laneNodeKey } from './buildGraph';

const graphOf = (text: string) => buildGraph(parseConfig(text));

describe('buildGraph', () => {
  it('draws one lane per pipeline with receivers → processors in order → exporters', () => {
    const graph = graphOf(SAMPLE_CONFIG);
    expect(graph.lanes.map((l) => l.pipelineId)).toEqual(['traces', 'traces/metrics', 'metrics', 'logs']);
    const traces = graph.edges.filter((e) => e.pipelineId === 'traces').map((e) => `${e.source} -> ${e.target}`);
    expect(traces).toEqual([
      `${laneNodeKey('traces', 'receivers', 'otlp')} -> ${laneNodeKey('traces', 'processors', 'memory_limiter')}`,
      `${laneNodeKey('traces', 'processors', 'memory_limiter')} -> ${laneNodeKey('traces', 'processors', 'tail_sampling')}`,
      `${laneNodeKey('traces', 'processors', 'tail_sampling')} -> ${laneNodeKey('traces', 'processors', 'batch')}`,
      `${laneNodeKey('traces', 'processors', 'batch')} -> ${laneNodeKey('traces', 'exporters', 'otlp_grpc')}`,
      `${laneNodeKey('traces', 'processors', 'batch')} -> ${laneNodeKey('traces', 'exporters', 'debug')}`,
    ]);
  });

  it('draws a connector once, joining the pipeline it exports from to the one it receives into', () => {
    const graph = graphOf(SAMPLE_CONFIG);
    const connectors = graph.nodes.filter((n) => n.kind === 'connector');
    expect(connectors.map((n) => n.componentId)).toEqual(['span_metrics']);
    expect(connectors[0]?.signals).toEqual(['traces', 'metrics']);
    const key = connectorNodeKey('span_metrics');
    expect(graph.edges.filter((e) => e.target === key).map((e) => e.pipelineId)).toEqual(['traces/metrics']);
    expect(graph.edges.filter((e) => e.source === key).map((e) => e.target)).toEqual([laneNodeKey('metrics', 'processors', 'memory_limiter')]);
  });

  it('links extensions to the components that reference them', () => {
    const graph = graphOf(`extensions:
  oauth2client:
receivers:
  otlp:
exporters:
  otlp_grpc:
    auth:
      authenticator: oauth2client
service:
  extensions: [oauth2client]
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [otlp_grpc]
`);
    const links = graph.edges.filter((e) => e.kind === 'extension');
    expect(links.map((e) => [e.source, e.target])).toEqual([['extension:oauth2client', laneNodeKey('traces', 'exporters', 'otlp_grpc')]]);
  });

  it('marks references to undefined components', () => {
    const graph = graphOf('receivers:\n  otlp:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [nowhere]\n');
    expect(graph.nodes.find((n) => n.componentId === 'nowhere')?.defined).toBe(false);
  });

  it('finds and marks a connector cycle', () => {
    const graph = graphOf(`connectors:
  forward/a:
  forward/b:
receivers:
  otlp:
service:
  pipelines:
    traces/in:
      receivers: [otlp]
      exporters: [forward/a]
    traces/one:
      receivers: [forward/a]
      processors: [batch]
      exporters: [forward/b]
    traces/two:
      receivers: [forward/b]
      exporters: [forward/a]
`);
    expect(graph.cycles).toHaveLength(1);
    expect(new Set(graph.cycles[0])).toEqual(new Set(['forward/a', 'forward/b']));
    expect(graph.nodes.filter((n) => n.inCycle).map((n) => n.componentId).sort()).toEqual(['forward/a', 'forward/b']);
    expect(graph.edges.filter((e) => e.inCycle).every((e) => e.pipelineId === 'traces/one' || e.pipelineId === 'traces/two')).toBe(true);
    expect(graph.edges.filter((e) => e.inCycle).length).toBeGreaterThanOrEqual(3);
    expect(graph.edges.find((e) => e.pipelineId === 'traces/in')?.inCycle).toBe(false);
  });

  it('finds a self-loop through one connector', () => {
    const graph = graphOf('connectors:\n  forward:\nservice:\n  pipelines:\n    traces:\n      receivers: [forward]\n      exporters: [forward]\n');
    expect(graph.cycles).toEqual([['forward', 'forward']]);
  });

  it('keeps the same node keys when only a value changes', () => {
    const before = graphOf(SAMPLE_CONFIG).nodes.map((n) => n.key);
    const after = graphOf(SAMPLE_CONFIG.replace('threshold_ms: 500', 'threshold_ms: 900')).nodes.map((n) => n.key);
    expect(after).toEqual(before);
  });
});
