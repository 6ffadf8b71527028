import { describe, expect, it } from 'vitest';
import { waterfallLayout, type WaterfallSpan } from './waterfallLayout';

const s = (spanId: string, parentSpanId: string, startMs: number, durationMs: number): WaterfallSpan => ({ spanId, parentSpanId, startMs, durationMs });

describe('waterfallLayout', () => {
  it('nests children under parents depth-first, children by start time', () => {
    const spans = [s('c2', 'root', 50, 10), s('root', '', 0, 100), s('c1', 'root', 10, 30), s('g1', 'c1', 12, 5)];
    const rows = waterfallLayout(spans);
    expect(rows.map((r) => spans[r.span]!.spanId)).toEqual(['root', 'c1', 'g1', 'c2']);
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 1]);
    expect(rows[0]).toMatchObject({ left: 0, width: 1, hasChildren: true });
    expect(rows[3]).toMatchObject({ left: 0.5, width: 0.1, hasChildren: false });
  });

  it('shows orphans (parent not in the trace) as roots and survives parent cycles', () => {
    const rows = waterfallLayout([s('a', 'missing', 5, 1), s('b', '', 0, 10), s('x', 'y', 1, 1), s('y', 'x', 2, 1)]);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.depth === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('lays out a 10,000-span chain without recursion', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) => s(`s${i}`, i ? `s${i - 1}` : '', i, 10_000 - i));
    const started = performance.now();
    const rows = waterfallLayout(spans);
    expect(performance.now() - started).toBeLessThan(500);
    expect(rows[9999]!.depth).toBe(9999);
  });
});
