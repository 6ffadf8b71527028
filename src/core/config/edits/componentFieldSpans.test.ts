import { describe, expect, it } from 'vitest';
import { componentFieldSpans } from './componentFieldSpans';

const text = `processors:
  batch:
    # size first
    send_batch_size: 8192 # items
    timeout: 5s
exporters:
  debug: {verbosity: basic}
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: localhost:4317
`;

function spanText(kind: 'receiver' | 'processor' | 'exporter', id: string, name: string): string {
  const span = componentFieldSpans(text, kind, id).get(name);
  return span ? text.slice(span.from, span.to) : '';
}

describe('componentFieldSpans: where each setting of a component is written', () => {
  it('runs from the key to the end of the value, comments outside', () => {
    expect(spanText('processor', 'batch', 'send_batch_size')).toBe('send_batch_size: 8192');
    expect(spanText('processor', 'batch', 'timeout')).toBe('timeout: 5s');
  });

  it('covers a nested mapping whole, and settings of a flow mapping', () => {
    expect(spanText('receiver', 'otlp', 'protocols')).toBe('protocols:\n      grpc:\n        endpoint: localhost:4317');
    expect(spanText('exporter', 'debug', 'verbosity')).toBe('verbosity: basic');
  });

  it('is empty for a component that is not written or a text that does not parse', () => {
    expect(componentFieldSpans(text, 'processor', 'filter').size).toBe(0);
    expect(componentFieldSpans('processors: [batch\n', 'processor', 'batch').size).toBe(0);
  });
});
