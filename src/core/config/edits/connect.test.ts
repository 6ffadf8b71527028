import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parseConfig';
import { checkConnection } from './checkConnection';
import { connect } from './connect';
import type { EditResult } from './editResult';

function ok(result: EditResult): string {
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

const base = `receivers:
  otlp:
  prometheus:
processors:
  batch:
  memory_limiter:
exporters:
  debug:
  prometheus:
connectors:
  spanmetrics:
  forward:
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [debug]
    metrics:
      receivers: [prometheus]
      exporters: [prometheus]
`;

describe('connect', () => {
  it('puts a new processor right after a processor source, or first after a receiver', () => {
    expect(ok(connect(base, { kind: 'processor', id: 'batch', pipelineId: 'traces' }, { kind: 'processor', id: 'memory_limiter' }))).toBe(
      base.replace('[batch]', '[batch, memory_limiter]'),
    );
    expect(ok(connect(base, { kind: 'receiver', id: 'otlp', pipelineId: 'traces' }, { kind: 'processor', id: 'memory_limiter' }))).toBe(
      base.replace('[batch]', '[memory_limiter, batch]'),
    );
  });

  it('adds a new source before an existing processor target, and exporters at the end', () => {
    expect(ok(connect(base, { kind: 'processor', id: 'memory_limiter' }, { kind: 'processor', id: 'batch', pipelineId: 'traces' }))).toBe(
      base.replace('[batch]', '[memory_limiter, batch]'),
    );
    expect(ok(connect(base, { kind: 'processor', id: 'batch', pipelineId: 'traces' }, { kind: 'exporter', id: 'prometheus' }))).toBe(
      base.replace('[debug]', '[debug, prometheus]'),
    );
  });

  it('adds both ends when neither is in the pipeline yet', () => {
    const text = base.replace('      processors: [batch]\n', '');
    const result = connect(text, { kind: 'processor', id: 'batch' }, { kind: 'processor', id: 'memory_limiter', pipelineId: 'traces' });
    // memory_limiter is not in traces either: pipelineId on the target only names the lane.
    expect(ok(result)).toBe(text.replace('      exporters: [debug]\n    metrics', '      processors: [batch, memory_limiter]\n      exporters: [debug]\n    metrics'));
    expect(result.ok && result.edits).toHaveLength(1);
  });

  it('joins pipelines through a connector: exporter of one, receiver of the other', () => {
    const into = ok(connect(base, { kind: 'processor', id: 'batch', pipelineId: 'traces' }, { kind: 'connector', id: 'spanmetrics' }));
    expect(into).toBe(base.replace('exporters: [debug]', 'exporters: [debug, spanmetrics]'));
    const out = ok(connect(into, { kind: 'connector', id: 'spanmetrics' }, { kind: 'exporter', id: 'prometheus', pipelineId: 'metrics' }));
    expect(out).toBe(into.replace('receivers: [prometheus]', 'receivers: [prometheus, spanmetrics]'));
  });

  it('refuses shapes that can never be joined', () => {
    expect(connect(base, { kind: 'receiver', id: 'otlp', pipelineId: 'traces' }, { kind: 'receiver', id: 'otlp', pipelineId: 'traces' })).toEqual({
      ok: false,
      reason: "A component can't be connected to itself.",
    });
    expect(connect(base, { kind: 'exporter', id: 'debug', pipelineId: 'traces' }, { kind: 'processor', id: 'batch' }).ok).toBe(false);
    expect(connect(base, { kind: 'processor', id: 'batch', pipelineId: 'traces' }, { kind: 'exporter', id: 'prometheus', pipelineId: 'metrics' })).toEqual({
      ok: false,
      reason: 'Pipelines traces and metrics can only be joined through a connector (e.g. forward).',
    });
    expect(connect(base, { kind: 'receiver', id: 'otlp', pipelineId: 'traces' }, { kind: 'processor', id: 'batch', pipelineId: 'traces' }).ok).toBe(false);
  });
});

describe('checkConnection', () => {
  const model = parseConfig(base);

  it('refuses a component that does not support the pipeline signal', () => {
    expect(checkConnection(model, { kind: 'processor', id: 'batch', pipelineId: 'traces' }, { kind: 'exporter', id: 'prometheus' }, 'traces')).toEqual({
      ok: false,
      reason: 'The prometheus exporter does not support traces; it supports metrics.',
    });
    expect(checkConnection(model, { kind: 'processor', id: 'batch', pipelineId: 'traces' }, { kind: 'exporter', id: 'debug' }, 'traces')).toEqual({ ok: true });
  });

  it('refuses a connector side without a matching signal pair', () => {
    expect(checkConnection(model, { kind: 'processor', id: 'batch', pipelineId: 'metrics' }, { kind: 'connector', id: 'spanmetrics' }, 'metrics')).toEqual({
      ok: false,
      reason: 'The spanmetrics connector does not accept metrics; it connects traces → metrics.',
    });
    expect(checkConnection(model, { kind: 'connector', id: 'spanmetrics' }, { kind: 'exporter', id: 'debug', pipelineId: 'traces' }, 'traces')).toEqual({
      ok: false,
      reason: 'The spanmetrics connector does not produce traces; it connects traces → metrics.',
    });
    expect(checkConnection(model, { kind: 'processor', id: 'batch', pipelineId: 'traces' }, { kind: 'connector', id: 'spanmetrics' }, 'traces')).toEqual({ ok: true });
  });

  it('checks a connector against the pipelines it already feeds', () => {
    const feeding = parseConfig(base.replace('receivers: [prometheus]', 'receivers: [forward]'));
    const result = checkConnection(feeding, { kind: 'processor', id: 'batch', pipelineId: 'traces' }, { kind: 'connector', id: 'forward' }, 'traces');
    expect(result).toEqual({ ok: false, reason: "The forward connector can't turn traces into metrics (the pipelines it feeds); it connects logs → logs, metrics → metrics, profiles → profiles, traces → traces." });
  });

  it('refuses an edge that would close a connector cycle', () => {
    const text = base.replace('      exporters: [debug]\n', '      exporters: [forward]\n').replace('    metrics:', '    traces/2:\n      receivers: [forward]\n      exporters: [debug]\n    metrics:');
    const cyclic = parseConfig(text);
    const result = checkConnection(cyclic, { kind: 'processor', id: 'batch', pipelineId: 'traces/2' }, { kind: 'connector', id: 'forward' }, 'traces');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(
      'This edge would close a loop through connectors (forward → forward); data would circulate forever, and the Collector refuses to start with a cycle.',
    );
  });

  it('refuses joining a node to itself', () => {
    expect(checkConnection(model, { kind: 'connector', id: 'forward' }, { kind: 'connector', id: 'forward' }, 'traces')).toEqual({
      ok: false,
      reason: "A component can't be connected to itself.",
    });
  });
});
