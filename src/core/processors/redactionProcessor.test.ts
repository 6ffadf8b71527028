import { describe, expect, it } from 'vitest';
import { createRedactionProcessor } from './redactionProcessor';
import { tracesFromVector, tracesToVector } from './vectorPayload';

function run(config: unknown, attributes: Record<string, unknown>): unknown {
  const p = createRedactionProcessor('redaction', config);
  const data = tracesFromVector({ resourceSpans: [{ resource: { attributes: { 'service.name': 'a' } }, scopeSpans: [{ spans: [{ name: 's', attributes }] }] }] });
  const out = p.consume(data, 0).emitted[0]?.data;
  return out ? tracesToVector(out) : null;
}

describe('redaction processor (§3.5)', () => {
  it('deletes every attribute with the default config, resource ones included', () => {
    expect(run({}, { 'user.email': 'x' })).toEqual({ resourceSpans: [{ resource: { attributes: {} }, scopeSpans: [{ scope: {}, spans: [{ name: 's' }] }] }] });
  });

  it('masks blocked values inside allowed keys and writes the debug summary', () => {
    const out = run({ allowed_keys: ['card', 'service.name'], blocked_values: ['4[0-9]{3}'], summary: 'debug' }, { card: 'pay 4111 now', other: 1 }) as {
      resourceSpans: { scopeSpans: { spans: { attributes: Record<string, unknown> }[] }[] }[];
    };
    expect(out.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.attributes).toEqual({
      card: 'pay **** now',
      'redaction.redacted.keys': 'other',
      'redaction.redacted.count': 1,
      'redaction.masked.keys': 'card',
      'redaction.masked.count': 1,
    });
  });
});
