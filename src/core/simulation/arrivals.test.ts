import { describe, expect, it } from 'vitest';
import { appendTracesData, createSpanStore } from '../telemetry/spanStore';
import { arrivalWindows } from './arrivals';
import { tracesOf, type TestSpan } from './testTraces';

/** Spans ending at the given offsets (ms) from T0, in this order. */
function storeEnding(endsMs: readonly number[]) {
  const T0 = 1_700_000_000_000;
  const spans: TestSpan[] = endsMs.map((end, i) => ({ traceId: (i + 1).toString(16), spanId: (i + 1).toString(16), startMs: T0 + end - 5, durationMs: 5, service: "api" }));
  const store = createSpanStore(spans.length);
  appendTracesData(store, tracesOf(spans));
  return store;
}

/** Windows worked out the plain way: every span's window index, rows of a window in row order. */
function expected(store: ReturnType<typeof createSpanStore>, windowMs: number, delay: number) {
  const ends = Array.from({ length: store.count }, (_, r) => (store.endHi[r]! * 4294967296 + store.endLo[r]!) / 1e6);
  const min = Math.min(...ends);
  const byWindow = new Map<number, number[]>();
  ends.forEach((e, r) => {
    const b = Math.floor((e - min) / windowMs);
    byWindow.set(b, [...(byWindow.get(b) ?? []), r]);
  });
  return [...byWindow.keys()].sort((a, b) => a - b).map((b) => ({ atMs: min + (b + 1) * windowMs + delay, rows: byWindow.get(b)! }));
}

const plain = (windows: ReturnType<typeof arrivalWindows>) => windows.map((w) => ({ atMs: w.atMs, rows: [...w.rows] }));

describe('arrivalWindows', () => {
  it('groups spans into windows of end time plus the export delay, rows in store order', () => {
    const store = storeEnding([0, 250, 90, 99, 100, 1000, 1001, 40]);
    const windows = arrivalWindows(store, 0, store.count, { windowMs: 100, exportDelayMs: 1000 });
    expect(plain(windows)).toEqual(expected(store, 100, 1000));
    // The rows of the first window: the ones ending before 100 ms after the first end.
    expect([...windows[0]!.rows].sort()).toEqual([0, 2, 3, 7].sort());
  });

  it('gives the same windows when the spans are years apart (one window per occupied bucket)', () => {
    const year = 365 * 24 * 3600 * 1000;
    const store = storeEnding([0, 3 * year, 50, 3 * year + 20, 7 * year]);
    const windows = arrivalWindows(store, 0, store.count, { windowMs: 100, exportDelayMs: 0 });
    expect(windows).toHaveLength(3);
    expect(plain(windows)).toEqual(expected(store, 100, 0));
  });

  it('covers only the rows asked for', () => {
    const store = storeEnding([0, 10, 20, 500, 510]);
    const windows = arrivalWindows(store, 1, 4, { windowMs: 100 });
    expect(windows.flatMap((w) => [...w.rows])).toEqual([1, 2, 3]);
  });
});
