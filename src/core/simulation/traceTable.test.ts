import { describe, expect, it } from 'vitest';
import type { TraceOutcome } from './simulationResult';
import { buildTraceTable, traceIdAt, traceRowAt, traceTableBuffers } from './traceTable';

function outcome(i: number, over: Partial<TraceOutcome> = {}): TraceOutcome {
  return {
    traceId: i.toString(16).padStart(32, 'f'),
    decision: 'not_sampled',
    decidedBy: 'lane:traces:processors:tail_sampling',
    policies: [
      { policy: 'errors', verdict: 'NotSampled', detail: 'no span has status ERROR' },
      { policy: 'slow', verdict: i % 2 ? 'Sampled' : 'NotSampled', detail: 'latency' },
    ],
    rootService: i % 3 ? 'api' : 'worker',
    rootName: `GET /${i}`,
    spanCount: i + 1,
    durationMs: i * 1.5,
    hasError: i % 4 === 0,
    exportedSpans: i % 2 ? i + 1 : 0,
    lateSpans: i === 2 ? 3 : 0,
    evicted: i === 5,
    ...over,
  };
}

describe('traceTable: per-trace results as transferable columns', () => {
  it('round-trips every field through the columns, also after a structured clone with transfer', () => {
    const outcomes = Array.from({ length: 12 }, (_, i) => outcome(i, i % 2 ? { decision: 'sampled' } : {}));
    const table = buildTraceTable(outcomes);
    const moved = structuredClone(table, { transfer: traceTableBuffers(table) });
    expect(table.decision.byteLength).toBe(0); // detached on the sender: transferred, not copied
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i]!;
      const row = traceRowAt(moved, i);
      expect(row).toMatchObject({
        traceId: o.traceId,
        decision: o.decision,
        durationMs: o.durationMs,
        spanCount: o.spanCount,
        exportedSpans: o.exportedSpans,
        lateSpans: o.lateSpans,
        hasError: o.hasError,
        evicted: o.evicted,
        rootService: o.rootService,
        rootName: o.rootName,
        decidedBy: o.decidedBy,
      });
      expect(row.sampledBy).toEqual(o.policies.filter((p) => p.verdict === 'Sampled').map((p) => p.policy));
    }
    expect(moved.policies).toEqual(['errors', 'slow']);
  });

  it('keeps 32-digit trace ids exactly, leading zeros included', () => {
    const table = buildTraceTable([outcome(0, { traceId: '0000000000000000000000000000000a' }), outcome(1, { traceId: '5b8efff798038103d269b633813fc60c' })]);
    expect(traceIdAt(table, 0)).toBe('0000000000000000000000000000000a');
    expect(traceIdAt(table, 1)).toBe('5b8efff798038103d269b633813fc60c');
  });

  it('keeps every policy that sampled a trace, past the 32nd too', () => {
    const policies = Array.from({ length: 70 }, (_, i) => ({ policy: `p${i}`, verdict: (i % 33 === 1 ? 'Sampled' : 'NotSampled') as 'Sampled' | 'NotSampled', detail: '' }));
    const table = buildTraceTable([outcome(0, { policies }), outcome(1, { policies: [] })]);
    const moved = structuredClone(table, { transfer: traceTableBuffers(table) });
    expect(moved.policyWords).toBe(3);
    expect(traceRowAt(moved, 0).sampledBy).toEqual(['p1', 'p34', 'p67']);
    expect(traceRowAt(moved, 1).sampledBy).toEqual([]);
  });
});
