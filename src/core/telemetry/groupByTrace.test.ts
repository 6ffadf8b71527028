import { describe, expect, it } from 'vitest';
import { generateIntoStore } from '../generate/generateTraces';
import { defaultScenario } from '../generate/scenarioPresets';
import { groupByTrace, traceRows } from './groupByTrace';
import { emptySpan, type Span } from './pdata';
import { appendTracesData, createSpanStore, traceIdHex } from './spanStore';
import { traceSummaries, traceSummaryAt } from './traceSummaries';

function s(traceId: string, spanId: string, parent: string, start: bigint, end: bigint, over: Partial<Span> = {}): Span {
  return { ...emptySpan(), traceId, spanId, parentSpanId: parent, startTimeUnixNano: start, endTimeUnixNano: end, ...over };
}

const T1 = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const T2 = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

function store2(spans: Span[], service = 'front') {
  const store = createSpanStore();
  appendTracesData(store, {
    resourceSpans: [{ resource: { attributes: new Map([['service.name', { kind: 'string', value: service }]]), droppedAttributesCount: 0 }, schemaUrl: '', scopeSpans: [{ scope: { name: '', version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans }] }],
  });
  return store;
}

describe('groupByTrace', () => {
  it('groups rows by the full 128-bit id, in row order, traces in order of first appearance', () => {
    const T3 = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'; // differs from T1 only in the last word
    const store = store2([s(T1, '01', '', 1n, 2n), s(T2, '02', '', 1n, 2n), s(T3, '03', '', 1n, 2n), s(T1, '04', '01', 1n, 2n), s(T2, '05', '02', 1n, 2n)].map((x) => ({ ...x, spanId: x.spanId.padStart(16, '0'), parentSpanId: x.parentSpanId && x.parentSpanId.padStart(16, '0') })));
    const g = groupByTrace(store);
    expect(g.traceCount).toBe(3);
    expect(Array.from(traceRows(g, 0))).toEqual([0, 3]);
    expect(Array.from(traceRows(g, 1))).toEqual([1, 4]);
    expect(Array.from(traceRows(g, 2))).toEqual([2]);
    expect(Array.from(g.traceOfRow)).toEqual([0, 1, 2, 0, 1]);
  });

  it('agrees with a Map keyed by hex trace id on generated data', () => {
    const store = createSpanStore();
    generateIntoStore(store, defaultScenario(), { seed: 9, traceCount: 2000 });
    const g = groupByTrace(store);
    const byHex = new Map<string, number[]>();
    for (let r = 0; r < store.count; r++) {
      const k = traceIdHex(store, r);
      byHex.set(k, [...(byHex.get(k) ?? []), r]);
    }
    expect(g.traceCount).toBe(byHex.size);
    const expected = [...byHex.values()];
    for (let t = 0; t < g.traceCount; t++) expect(Array.from(traceRows(g, t))).toEqual(expected[t]);
  });
});

describe('traceSummaries', () => {
  it('summarises root service and name, start, duration, span count and error flag', () => {
    const base = 1_700_000_000_000_000_000n;
    const store = store2([
      s(T1, '0000000000000002', '0000000000000001', base + 5n, base + 900n, { name: 'child', status: { code: 2, message: 'x' } }),
      s(T1, '0000000000000001', '', base + 0n, base + 1_000n, { name: 'root' }),
      s(T2, '0000000000000003', '0000000000000009', base + 50n, base + 60n, { name: 'orphan-late' }),
      s(T2, '0000000000000004', '0000000000000009', base + 10n, base + 20n, { name: 'orphan-early' }),
    ]);
    const g = groupByTrace(store);
    const sums = traceSummaries(store, g);
    expect(traceSummaryAt(store, sums, 0)).toEqual({ traceId: T1, rootService: 'front', rootName: 'root', startTimeUnixNano: base, durationNs: 1000, spanCount: 2, hasError: true });
    // no span without a parent: the earliest span stands in for the root
    expect(traceSummaryAt(store, sums, 1)).toMatchObject({ rootName: 'orphan-early', startTimeUnixNano: base + 10n, durationNs: 50, spanCount: 2, hasError: false });
  });
});
