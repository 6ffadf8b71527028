import { describe, expect, it } from 'vitest';
import { addPipeline } from './addPipeline';
import { duplicatePipeline } from './duplicatePipeline';
import type { EditResult } from './editResult';
import { removePipeline } from './removePipeline';

function ok(result: EditResult): string {
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

const base = `receivers:
  otlp:
service:
  extensions: [health_check]
  pipelines:
    # the main one
    traces:
      receivers: [otlp]
      processors:
        - batch # last
      exporters: [debug]
  telemetry:
    logs:
      level: info
`;

describe('addPipeline', () => {
  it('appends an empty pipeline with [] lists and focuses its key', () => {
    const result = addPipeline(base, 'logs/audit');
    expect(ok(result)).toBe(base.replace('  telemetry:', '    logs/audit:\n      receivers: []\n      exporters: []\n  telemetry:'));
    expect(result.ok && result.focus).toEqual({ kind: 'pipeline', id: 'logs/audit', offset: ok(result).indexOf('logs/audit:') });
  });

  it('creates service: and pipelines: when missing, pipelines before telemetry', () => {
    expect(ok(addPipeline('receivers:\n  otlp:\n', 'traces'))).toBe('receivers:\n  otlp:\nservice:\n  pipelines:\n    traces:\n      receivers: []\n      exporters: []\n');
    expect(ok(addPipeline('service:\n  telemetry:\n    logs: {}\n', 'metrics'))).toBe(
      'service:\n  pipelines:\n    metrics:\n      receivers: []\n      exporters: []\n  telemetry:\n    logs: {}\n',
    );
    expect(ok(addPipeline('service:\n  pipelines:\n', 'logs'))).toBe('service:\n  pipelines:\n    logs:\n      receivers: []\n      exporters: []\n');
    expect(ok(addPipeline('service:\n  pipelines: {}\n', 'logs'))).toBe('service:\n  pipelines: {logs: {receivers: [], exporters: []}}\n');
  });

  it('refuses an unknown signal and an existing pipeline', () => {
    expect(addPipeline(base, 'spans')).toEqual({ ok: false, reason: '"spans" is not a valid pipeline id: in "spans" id: unknown pipeline signal: "spans".' });
    expect(addPipeline(base, 'traces')).toEqual({ ok: false, reason: 'The pipeline traces already exists.' });
  });
});

describe('removePipeline', () => {
  it('removes the pipeline with its attached comment', () => {
    expect(ok(removePipeline(base, 'traces'))).toBe(base.replace(/ {4}# the main one\n(.*\n){5}/, ''));
  });

  it('refuses a pipeline that does not exist', () => {
    expect(removePipeline(base, 'logs')).toEqual({ ok: false, reason: 'The pipeline "logs" does not exist.' });
  });
});

describe('duplicatePipeline', () => {
  it('copies the pipeline text (styles and comments) right after it', () => {
    const result = duplicatePipeline(base, 'traces', 'traces/copy');
    expect(ok(result)).toBe(
      base.replace(
        '      exporters: [debug]\n',
        '      exporters: [debug]\n    traces/copy:\n      receivers: [otlp]\n      processors:\n        - batch # last\n      exporters: [debug]\n',
      ),
    );
  });

  it('renders from values when the pipeline holds an anchor', () => {
    const text = 'service:\n  pipelines:\n    traces:\n      receivers: &r [otlp]\n      exporters: [debug]\n    logs:\n      receivers: *r\n      exporters: [debug]\n';
    expect(ok(duplicatePipeline(text, 'traces', 'traces/2'))).toBe(
      text.replace('    logs:', '    traces/2:\n      receivers:\n        - otlp\n      exporters:\n        - debug\n    logs:'),
    );
  });

  it('refuses a taken id', () => {
    expect(duplicatePipeline(base, 'traces', 'traces')).toEqual({ ok: false, reason: 'The pipeline traces already exists.' });
  });
});
