import { describe, expect, it } from 'vitest';
import { groupByTrace, traceRows } from '../telemetry/groupByTrace';
import { materialize, rowRange } from '../telemetry/materialize';
import { createSpanStore, isRoot, spanStartNs, type SpanStore } from '../telemetry/spanStore';
import { traceSummaries } from '../telemetry/traceSummaries';
import { generateBatches, generateIntoStore } from './generateTraces';
import { createRandom } from './random';
import { defaultScenario, findScenarioPreset, SCENARIO_PRESETS } from './scenarioPresets';
import { createTraceGenerator } from './traceGenerator';

function columnBytes(store: SpanStore): Uint8Array[] {
  const n = store.count;
  const cols = [
    store.traceIds.subarray(0, n * 4),
    store.spanIds.subarray(0, n * 2),
    store.parentIds.subarray(0, n * 2),
    store.startHi.subarray(0, n),
    store.startLo.subarray(0, n),
    store.endHi.subarray(0, n),
    store.endLo.subarray(0, n),
    store.kinds.subarray(0, n),
    store.statuses.subarray(0, n),
    store.flags.subarray(0, n),
    store.names.subarray(0, n),
    store.scopeOf.subarray(0, n),
    store.attrStart.subarray(0, n),
    store.spanAttrs.keys.subarray(0, store.spanAttrs.count),
    store.spanAttrs.types.subarray(0, store.spanAttrs.count),
    store.spanAttrs.values.subarray(0, store.spanAttrs.count),
    store.events.span.subarray(0, store.events.count),
    store.events.timeLo.subarray(0, store.events.count),
    store.links.spanIds.subarray(0, store.links.count * 2),
  ];
  return cols.map((c) => new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
}

/** Index of the first column whose bytes differ, or -1 when all are equal. */
function firstDifference(a: Uint8Array[], b: Uint8Array[]): number {
  for (let c = 0; c < Math.max(a.length, b.length); c++) {
    const x = a[c];
    const y = b[c];
    if (!x || !y || x.length !== y.length) return c;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return c;
  }
  return -1;
}

function run(seed: number, traces: number, preset = 'checkout', chunk = 500): SpanStore {
  const store = createSpanStore();
  generateIntoStore(store, findScenarioPreset(preset)!.settings, { seed, traceCount: traces, chunkTraces: chunk });
  return store;
}

function errorTraceShare(store: SpanStore): number {
  const sums = traceSummaries(store, groupByTrace(store));
  let n = 0;
  for (let t = 0; t < sums.traceCount; t++) n += sums.hasError[t]!;
  return n / sums.traceCount;
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for a different seed', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const sa = Array.from({ length: 8 }, () => a.u32());
    expect(Array.from({ length: 8 }, () => b.u32())).toEqual(sa);
    expect(Array.from({ length: 8 }, () => c.u32())).not.toEqual(sa);
  });

  it('draws floats in [0, 1) with a mean near 1/2', () => {
    const r = createRandom(1);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = r.float();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
  });
});

describe('trace generator', () => {
  it('produces identical columns, byte for byte, for the same seed and settings', () => {
    expect(firstDifference(columnBytes(run(1234, 800)), columnBytes(run(1234, 800)))).toBe(-1);
  });

  it('produces different traces for a different seed', () => {
    expect(firstDifference(columnBytes(run(1, 200)), columnBytes(run(2, 200)))).toBe(0);
  });

  it('does not depend on how the run is chunked', () => {
    expect(firstDifference(columnBytes(run(5, 300, 'checkout', 7)), columnBytes(run(5, 300, 'checkout', 300)))).toBe(-1);
  });

  it('yields pdata batches equal to what it writes into a store', () => {
    const store = run(11, 120);
    const batches = [...generateBatches(defaultScenario(), { seed: 11, traceCount: 120, batchTraces: 50 })];
    expect(batches).toHaveLength(3);
    const spans = batches.flatMap((b) => b.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)));
    const direct = materialize(store, rowRange(0, store.count)).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
    const key = (s: { spanId: string }) => s.spanId;
    expect([...spans].sort((x, y) => key(x).localeCompare(key(y)))).toEqual([...direct].sort((x, y) => key(x).localeCompare(key(y))));
  });

  it('builds well-formed traces: one root each, parents inside the trace, children within the trace window', () => {
    const store = run(21, 500);
    const g = groupByTrace(store);
    expect(g.traceCount).toBe(500);
    for (let t = 0; t < g.traceCount; t++) {
      const rows = Array.from(traceRows(g, t));
      const ids = new Set(rows.map((r) => `${store.spanIds[r * 2]}:${store.spanIds[r * 2 + 1]}`));
      expect(rows.filter((r) => isRoot(store, r))).toHaveLength(1);
      for (const r of rows) {
        if (!isRoot(store, r)) expect(ids.has(`${store.parentIds[r * 2]}:${store.parentIds[r * 2 + 1]}`)).toBe(true);
      }
    }
  });

  it('uses every span kind, links consumers to their producer and records exceptions on errors', () => {
    const store = run(3, 2000, 'error-storm');
    const kinds = new Set(Array.from(store.kinds.subarray(0, store.count)));
    expect([...kinds].sort()).toEqual([2, 3, 4, 5]);
    expect(store.links.count).toBeGreaterThan(0);
    const sample = materialize(store, [store.links.span[0]!]).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(sample.kind).toBe(5);
    expect(sample.links[0]!.spanId).toBe(sample.parentSpanId);
    const errorRow = Array.from(store.statuses.subarray(0, store.count)).findIndex((c) => c === 2);
    const errorSpan = materialize(store, [errorRow]).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(errorSpan.status.code).toBe(2);
    const fanOut = run(3, 50, 'fan-out');
    expect(new Set(Array.from(fanOut.kinds.subarray(0, fanOut.count)))).toContain(1);
  });

  it('starts traces at the configured rate from the configured start time, in order', () => {
    const settings = defaultScenario();
    const store = run(8, 1000);
    const g = groupByTrace(store);
    const starts = Array.from(g.firstRow, (r) => spanStartNs(store, r));
    for (let i = 1; i < starts.length; i++) expect(starts[i]! >= starts[i - 1]!).toBe(true);
    expect(starts[0]! >= settings.startTimeUnixNano).toBe(true);
    const spanSeconds = Number(starts[starts.length - 1]! - starts[0]!) / 1e9;
    // 1000 traces at 100/s take about 10 s
    expect(spanSeconds).toBeGreaterThan(8);
    expect(spanSeconds).toBeLessThan(12);
  });

  it('makes error-storm fail far more traces than checkout', () => {
    const calm = errorTraceShare(run(4, 3000, 'checkout'));
    const storm = errorTraceShare(run(4, 3000, 'error-storm'));
    expect(calm).toBeLessThan(0.05);
    expect(storm).toBeGreaterThan(0.15);
  });

  it('makes slow-tail traces slower at the 99th percentile than checkout', () => {
    const p99 = (store: SpanStore): number => {
      const sums = traceSummaries(store, groupByTrace(store));
      const d = Array.from(sums.durationNs).sort((a, b) => a - b);
      return d[Math.floor(d.length * 0.99)]!;
    };
    expect(p99(run(6, 3000, 'slow-tail'))).toBeGreaterThan(1.5 * p99(run(6, 3000, 'checkout')));
  });

  it('makes fan-out traces wider and high-cardinality spans carry many distinct values', () => {
    const wide = run(2, 200, 'fan-out');
    const narrow = run(2, 200, 'checkout');
    expect(wide.count / 200).toBeGreaterThan(2 * (narrow.count / 200));
    const hc = run(2, 2000, 'high-cardinality');
    expect(hc.strings.values.length).toBeGreaterThan(narrow.strings.values.length + 1500);
  });

  it('generates exactly the requested number of traces, resumably', () => {
    const gen = createTraceGenerator(defaultScenario(), 1, 25);
    const store = createSpanStore();
    gen.next(store, 10);
    expect(gen.traces).toBe(10);
    gen.next(store, 100);
    expect(gen.traces).toBe(25);
    expect(gen.done).toBe(true);
    expect(gen.spans).toBe(store.count);
  });

  it('rejects a scenario that calls an unknown operation', () => {
    const bad = { ...defaultScenario(), entryPoints: [{ service: 'api-gateway', operation: 'nope', weight: 1 }] };
    expect(() => createTraceGenerator(bad, 1)).toThrow(/no operation "nope"/);
  });
});

describe('scenario presets', () => {
  it('lists checkout first and gives every preset a title and description', () => {
    expect(SCENARIO_PRESETS.map((p) => p.id)).toEqual(['checkout', 'high-cardinality', 'error-storm', 'slow-tail', 'fan-out']);
    for (const p of SCENARIO_PRESETS) {
      expect(p.title.length).toBeGreaterThan(3);
      expect(p.description.length).toBeGreaterThan(20);
      expect(() => createTraceGenerator(p.settings, 1, 1)).not.toThrow();
    }
    expect(defaultScenario()).toBe(SCENARIO_PRESETS[0]!.settings);
  });
});
