import { describe, expect, it } from 'vitest';
import { tracesFromVector, tracesToVector, VectorPayloadError } from './vectorPayload';

describe('vectorPayload', () => {
  it('keeps attribute order and value types through a round trip', () => {
    const json = {
      resourceSpans: [
        {
          resource: { attributes: { b: 1, a: { double: 2 }, c: 1.5, d: [true, 'x'], e: { kvlist: { z: { empty: true } } }, f: { bytes: '0a0b' } } },
          scopeSpans: [{ scope: { name: 's' }, spans: [{ name: 'n', kind: 'SPAN_KIND_CLIENT', startTimeUnixNano: '1581452772000000321' }] }],
        },
      ],
    };
    const data = tracesFromVector(json);
    expect([...(data.resourceSpans[0]?.resource.attributes.keys() ?? [])]).toEqual(['b', 'a', 'c', 'd', 'e', 'f']);
    expect(data.resourceSpans[0]?.resource.attributes.get('a')).toEqual({ kind: 'double', value: 2 });
    expect(data.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.startTimeUnixNano).toBe(1581452772000000321n);
    expect(tracesToVector(data)).toEqual(json);
  });

  it('rejects an unknown enum name', () => {
    expect(() => tracesFromVector({ resourceSpans: [{ scopeSpans: [{ spans: [{ kind: 'SERVER' }] }] }] })).toThrow(VectorPayloadError);
  });
});
