import { describe, expect, it } from 'vitest';
import { parseW3CTraceState, serializeW3CTraceState } from './w3cTraceState';

function roundTrip(input: string): string {
  const p = parseW3CTraceState(input);
  if (!p.ok) throw new Error(p.error);
  return serializeW3CTraceState(p.state);
}

describe('W3C tracestate of pkg/sampling (sampling-spec §3.5)', () => {
  it('re-serialises ot first with rv before th', () => {
    expect(roundTrip('ot=th:8;rv:70000000000000')).toBe('ot=rv:70000000000000;th:8');
    expect(roundTrip('congo=t61rcWkgMzE,ot=th:8')).toBe('ot=th:8,congo=t61rcWkgMzE');
  });

  it('keeps other ot keys in order after rv and th', () => {
    expect(roundTrip('ot=x:1;th:c;y:2')).toBe('ot=th:c;x:1;y:2');
  });

  it('allows spaces around members and empty members', () => {
    expect(roundTrip(' a=1 ,, b=2\t')).toBe('a=1,b=2');
  });

  it('rejects upper-case keys as invalid syntax', () => {
    expect(parseW3CTraceState('Congo=t61rcWkgMzE')).toMatchObject({ ok: false, error: 'invalid syntax' });
  });

  it('rejects an invalid ot member syntax', () => {
    expect(parseW3CTraceState('ot=not_a_valid_key$').ok).toBe(false);
  });

  it('a 32nd comma-separated item is already an error', () => {
    const members = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}=v`).join(',');
    expect(parseW3CTraceState(members(31)).ok).toBe(true);
    expect(parseW3CTraceState(members(32)).ok).toBe(false);
  });

  it('reports an invalid r-value with the upstream message', () => {
    expect(parseW3CTraceState('ot=rv:abababababababab')).toMatchObject({ ok: false, error: 'r-value must have 14 hex digits' });
  });
});
