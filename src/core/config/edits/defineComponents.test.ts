import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parseConfig';
import { defineComponents } from './defineComponents';

const text = `# references only
receivers:
  otlp: {}
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [debug, otlp_grpc/backend]
`;

describe('defineComponents', () => {
  it('defines every missing component in one change, the rest of the text untouched', () => {
    const result = defineComponents(text, [
      { kind: 'processor', id: 'batch' },
      { kind: 'exporter', id: 'debug' },
      { kind: 'exporter', id: 'otlp_grpc/backend' },
    ]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.text.startsWith('# references only\nreceivers:\n  otlp: {}\n')).toBe(true);
    expect(result.text.endsWith(text.slice(text.indexOf('service:')))).toBe(true);
    const model = parseConfig(result.text);
    expect(model.components.map((c) => `${c.kind}:${c.id}`).sort()).toEqual(['exporter:debug', 'exporter:otlp_grpc/backend', 'processor:batch', 'receiver:otlp']);
    // One edit, so the editor records one undo step.
    expect(result.edits).toHaveLength(1);
  });

  it('refuses as a whole when one of them is already defined', () => {
    const result = defineComponents(text, [
      { kind: 'processor', id: 'batch' },
      { kind: 'receiver', id: 'otlp' },
    ]);
    expect(result).toEqual({ ok: false, reason: 'There is already a receiver named otlp.' });
  });
});
