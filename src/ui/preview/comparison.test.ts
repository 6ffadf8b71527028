import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../core/simulation/preview/previewTypes';
import type { PolicySummary, SimulationSummary, TraceOutcome } from '../../core/simulation/simulationResult';
import { buildTraceTable } from '../../core/simulation/traceTable';
import { compareResults, onlyRows } from './comparison';

const trace = (id: number, decision: TraceOutcome['decision']): TraceOutcome => ({
  traceId: id.toString(16).padStart(32, '0'),
  decision,
  decidedBy: 'lane:traces:processors:tail_sampling',
  policies: [],
  rootService: 'api',
  rootName: 'GET /',
  spanCount: 2,
  durationMs: 10,
  hasError: false,
  exportedSpans: decision === 'sampled' ? 2 : 0,
  lateSpans: 0,
  evicted: false,
});

function run(decisions: TraceOutcome['decision'][], policies: PolicySummary[], order = decisions.map((_, i) => i)) {
  const traces = order.map((i) => trace(i + 1, decisions[i]!));
  const sampled = decisions.filter((d) => d === 'sampled').length;
  const summary = { inputTraces: decisions.length, sampledTraces: sampled, exportedSpans: 2 * sampled } as SimulationSummary;
  return { result: { summary, policies } as unknown as RunSummary, table: buildTraceTable(traces) };
}

describe('compareResults', () => {
  it('matches traces by id, lists the changed rows of the current run, and counts each transition', () => {
    const before = run(['sampled', 'not_sampled', 'not_sampled', 'dropped'], [{ samplerId: 't', policy: 'slow', matched: 1, decidedAlone: 1 }]);
    // The current run lists the same traces in another order (rows differ from the first run's).
    const after = run(['sampled', 'sampled', 'not_sampled', 'sampled'], [{ samplerId: 't', policy: 'slow', matched: 3, decidedAlone: 3 }, { samplerId: 't', policy: 'new', matched: 1, decidedAlone: 0 }], [3, 2, 1, 0]);
    const c = compareResults(before, after);
    // Rows of `after`: row 0 is trace 4 (dropped → sampled), row 2 is trace 2 (not sampled → sampled).
    expect([...c.changedRows]).toEqual([0, 2]);
    expect(c.beforeByRow.get(0)).toBe('dropped');
    expect(c.beforeByRow.get(2)).toBe('not_sampled');
    expect(c.transitions).toEqual([
      { before: 'dropped', after: 'sampled', traces: 1 },
      { before: 'not_sampled', after: 'sampled', traces: 1 },
    ]);
    expect([c.keptBefore, c.keptAfter, c.exportedSpansBefore, c.exportedSpansAfter]).toEqual([1, 3, 2, 6]);
    expect(c.policies).toEqual([
      { policy: 'slow', before: 1, after: 3 },
      { policy: 'new', before: null, after: 1 },
    ]);
  });

  it('lists every changed trace, not a first page of them', () => {
    const n = 5000;
    const before = run(Array.from({ length: n }, () => 'not_sampled'), []);
    const after = run(Array.from({ length: n }, () => 'sampled'), []);
    expect(compareResults(before, after).changedRows).toHaveLength(n);
  });
});

describe('onlyRows', () => {
  it('keeps the rows (in their order) that are in the subset', () => {
    expect([...onlyRows(Uint32Array.of(5, 1, 3, 0), Uint32Array.of(0, 3, 4), 6)]).toEqual([3, 0]);
  });
});
