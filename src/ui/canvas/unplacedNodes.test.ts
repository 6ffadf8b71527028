import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../core/graph/buildGraph';
import { parseConfig } from '../../core/config/parseConfig';
import { unplacedNodes } from './unplacedNodes';

describe('unplacedNodes', () => {
  const text = 'receivers:\n  otlp:\n  zipkin:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n';
  it('shows defined components that are in no pipeline, keyed unplaced:<kind>:<id>', () => {
    const model = parseConfig(text);
    expect(unplacedNodes(model, buildGraph(model)).map((n) => n.key)).toEqual(['unplaced:receiver:zipkin']);
  });
  it('caps the number of nodes', () => {
    const model = parseConfig(text.replace('  zipkin:\n', '  zipkin:\n  jaeger:\n  kafka:\n'));
    expect(unplacedNodes(model, buildGraph(model), 2)).toHaveLength(2);
  });
});
