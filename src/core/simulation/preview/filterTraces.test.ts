import { describe, expect, it } from 'vitest';
import type { TraceOutcome } from '../simulationResult';
import { buildTraceTable } from '../traceTable';
import { filterTraces, NO_FILTER, rootServices, sortTraces } from './filterTraces';

const t = (id: number, o: Partial<TraceOutcome>): TraceOutcome => ({
  traceId: id.toString(16).padStart(32, '0'),
  decision: 'not_sampled',
  decidedBy: null,
  policies: [],
  rootService: 'api',
  rootName: 'GET /',
  spanCount: 1,
  durationMs: 1,
  hasError: false,
  exportedSpans: 0,
  lateSpans: 0,
  evicted: false,
  ...o,
});

const table = buildTraceTable([
  t(1, { decision: 'sampled', durationMs: 900, rootService: 'checkout', policies: [{ policy: 'slow', verdict: 'Sampled', detail: '' }] }),
  t(2, { hasError: true, durationMs: 20, spanCount: 9, policies: [{ policy: 'slow', verdict: 'NotSampled', detail: '' }] }),
  t(3, { decision: 'dropped', durationMs: 600, rootService: 'billing' }),
  t(4, { decision: 'sampled', hasError: true, durationMs: 5, spanCount: 4, policies: [{ policy: 'errors', verdict: 'Sampled', detail: '' }] }),
]);

describe('filterTraces and sortTraces', () => {
  it('filters by decision, policy, service, error and minimum duration', () => {
    expect([...filterTraces(table, NO_FILTER)]).toEqual([0, 1, 2, 3]);
    expect([...filterTraces(table, { ...NO_FILTER, decision: 'sampled' })]).toEqual([0, 3]);
    expect([...filterTraces(table, { ...NO_FILTER, policy: 'slow' })]).toEqual([0]);
    expect([...filterTraces(table, { ...NO_FILTER, service: 'api' })]).toEqual([1, 3]);
    expect([...filterTraces(table, { ...NO_FILTER, error: 'error' })]).toEqual([1, 3]);
    expect([...filterTraces(table, { ...NO_FILTER, error: 'ok', minDurationMs: 500 })]).toEqual([0, 2]);
    expect([...filterTraces(table, { ...NO_FILTER, traceId: '0000000000000000000000000000000' + '3' })]).toEqual([2]);
    expect([...filterTraces(table, { ...NO_FILTER, policy: 'no-such-policy' })]).toEqual([]);
  });

  it('sorts by a column either way, ties in table order', () => {
    const all = filterTraces(table, NO_FILTER);
    expect([...sortTraces(table, all, { key: 'duration', descending: true })]).toEqual([0, 2, 1, 3]);
    expect([...sortTraces(table, all, { key: 'service', descending: false })]).toEqual([1, 3, 2, 0]);
    expect([...sortTraces(table, all, { key: 'spans', descending: true })]).toEqual([1, 3, 0, 2]);
    expect([...sortTraces(table, all, { key: 'decision', descending: false })]).toEqual([0, 3, 1, 2]);
  });

  it('filters by any policy of a config with 40 (the 35th as exactly as the 1st)', () => {
    const names = Array.from({ length: 40 }, (_, i) => `p${i + 1}`);
    // Trace k is sampled by policy k (k < 40) and, every third trace, by policy 35 too.
    const wide = buildTraceTable(
      Array.from({ length: 60 }, (_, k) =>
        t(k, { decision: 'sampled', policies: names.map((policy, i) => ({ policy, verdict: i === k % 40 || (i === 34 && k % 3 === 0) ? 'Sampled' : 'NotSampled', detail: '' })) }),
      ),
    );
    expect(wide.policies).toHaveLength(40);
    const expected35 = Array.from({ length: 60 }, (_, k) => k).filter((k) => k % 40 === 34 || k % 3 === 0);
    expect([...filterTraces(wide, { ...NO_FILTER, policy: 'p35' })]).toEqual(expected35);
    expect([...filterTraces(wide, { ...NO_FILTER, policy: 'p40' })]).toEqual([39]);
    expect([...filterTraces(wide, { ...NO_FILTER, policy: 'p1' })]).toEqual([0, 40]);
  });

  it('handles 100,000 rows quickly', () => {
    const big = buildTraceTable(Array.from({ length: 100_000 }, (_, i) => t(i, { durationMs: (i * 7919) % 1000, decision: i % 10 ? 'not_sampled' : 'sampled' })));
    const started = performance.now();
    const rows = sortTraces(big, filterTraces(big, { ...NO_FILTER, minDurationMs: 100 }), { key: 'duration', descending: true });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(big.durationMs[rows[0]!]).toBe(999);
    expect(rootServices(big)).toEqual(['api']);
  });
});
