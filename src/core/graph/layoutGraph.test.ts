import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parseConfig';
import { SAMPLE_CONFIG } from '../samples/sampleConfig';
import { buildGraph, connectorNodeKey, laneNodeKey } from './buildGraph';
import { layoutGraph, layoutIncremental, NODE_HEIGHT } from './layoutGraph';

const graphOf = (text: string) => buildGraph(parseConfig(text));

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutGraph', () => {
  it('places processors left to right in pipeline order inside their lane', () => {
    const layout = layoutGraph(graphOf(SAMPLE_CONFIG));
    const x = (role: 'receivers' | 'processors' | 'exporters', id: string) => layout.nodes[laneNodeKey('traces', role, id)]!.x;
    expect(x('receivers', 'otlp')).toBeLessThan(x('processors', 'memory_limiter'));
    expect(x('processors', 'memory_limiter')).toBeLessThan(x('processors', 'tail_sampling'));
    expect(x('processors', 'tail_sampling')).toBeLessThan(x('processors', 'batch'));
    expect(x('processors', 'batch')).toBeLessThan(x('exporters', 'debug'));
  });

  it('draws a connector once, in the receivers column of the lane it feeds', () => {
    const layout = layoutGraph(graphOf(SAMPLE_CONFIG));
    const fed = layout.lanes['metrics']!;
    const connector = layout.nodes[connectorNodeKey('span_metrics')]!;
    expect(connector.y).toBeGreaterThanOrEqual(fed.y);
    expect(connector.y + NODE_HEIGHT).toBeLessThanOrEqual(fed.y + fed.height);
    expect(connector.x).toBeLessThan(layout.nodes[laneNodeKey('metrics', 'processors', 'memory_limiter')]!.x);
    expect(connector.x).toBe(layout.nodes[laneNodeKey('metrics', 'receivers', 'otlp')]!.x);
    expect(connector.y).toBeLessThan(layout.nodes[laneNodeKey('metrics', 'receivers', 'otlp')]!.y);
  });

  it('stacks lanes in the order written, with a connector-fed lane below the lane feeding it', () => {
    const layout = layoutGraph(graphOf(SAMPLE_CONFIG));
    const ys = ['traces', 'traces/metrics', 'metrics', 'logs'].map((id) => layout.lanes[id]!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    const reordered = layoutGraph(
      graphOf(`connectors:
  forward:
service:
  pipelines:
    logs/out:
      receivers: [forward]
      exporters: [debug]
    logs/in:
      receivers: [otlp]
      exporters: [forward]
`),
    );
    expect(reordered.lanes['logs/in']!.y).toBeLessThan(reordered.lanes['logs/out']!.y);
    expect(reordered.lanes['logs/out']!.x).toBeGreaterThan(reordered.lanes['logs/in']!.x);
  });

  it('never overlaps two lanes', () => {
    const layout = layoutGraph(graphOf(SAMPLE_CONFIG));
    const boxes = Object.values(layout.lanes);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('keeps every position when only a value changes, and lays out again when the structure changes', () => {
    const first = layoutGraph(graphOf(SAMPLE_CONFIG));
    const valueEdit = layoutIncremental(graphOf(SAMPLE_CONFIG.replace('timeout: 5s', 'timeout: 2s')), first);
    expect(valueEdit).toBe(first);
    const structural = layoutIncremental(graphOf(SAMPLE_CONFIG.replace('[memory_limiter, tail_sampling, batch]', '[memory_limiter, batch]')), first);
    expect(structural).not.toBe(first);
    expect(structural.nodes[laneNodeKey('traces', 'processors', 'tail_sampling')]).toBeUndefined();
  });

  it('lays out an empty config', () => {
    expect(layoutGraph(graphOf('')).nodes).toEqual({});
  });
});
