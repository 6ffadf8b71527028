import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../core/graph/buildGraph';
import { parseConfig } from '../../core/config/parseConfig';
import { missingComponents } from './missingComponents';

describe('missingComponents', () => {
  it('names each referenced but undefined component once, in the order it first appears', () => {
    const text = 'receivers:\n  otlp:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [batch]\n      exporters: [nowhere]\n    logs:\n      receivers: [otlp]\n      processors: [batch]\n      exporters: [nowhere]\n';
    const model = parseConfig(text);
    expect(missingComponents(buildGraph(model))).toEqual([
      { kind: 'processor', id: 'batch' },
      { kind: 'exporter', id: 'nowhere' },
    ]);
  });

  it('is empty when everything is defined', () => {
    const model = parseConfig('receivers:\n  otlp:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n');
    expect(missingComponents(buildGraph(model))).toEqual([]);
  });
});
