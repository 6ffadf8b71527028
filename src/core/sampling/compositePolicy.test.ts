import { describe, expect, it } from 'vitest';
import { alwaysSamplePolicy } from './alwaysSamplePolicy';
import { compositeAllocations, compositePolicy } from './compositePolicy';
import type { SampledTrace } from './samplingPolicy';

const trace = (spanCount: number): SampledTrace => ({ traceId: 'cd'.repeat(16), batches: [], spanCount, byteSize: () => 0 });

describe('composite policy (sampling-spec §2.4.18)', () => {
  it('composite: omitted sub-policies get max_total / number of sub-policies (PR #49857)', () => {
    expect(compositeAllocations(10, ['a', 'b'], new Map([['a', 50]]))).toEqual([5, 5]);
    expect(compositeAllocations(10, ['a', 'b', 'c'], new Map([['a', 25]]))).toEqual([2, 3, 3]);
  });

  it('composite: budgets reset when the Unix second changes', () => {
    const c = compositePolicy('c', 10, [{ evaluator: alwaysSamplePolicy('all'), allocatedSps: 3 }]);
    expect(c.evaluate(trace(3), 100).decision).toBe('Sampled');
    expect(c.evaluate(trace(1), 999).decision).toBe('NotSampled');
    expect(c.evaluate(trace(1), 1000).decision).toBe('Sampled');
  });

  it('composite: a sampling sub-policy over budget does not fall through to later ones (issue #36959)', () => {
    const c = compositePolicy('c', 10, [
      { evaluator: alwaysSamplePolicy('first'), allocatedSps: 1 },
      { evaluator: alwaysSamplePolicy('second'), allocatedSps: 9 },
    ]);
    expect(c.evaluate(trace(1), 0).decision).toBe('Sampled');
    const r = c.evaluate(trace(1), 0);
    expect(r.decision).toBe('NotSampled');
    expect(r.children?.map((v) => v.policy)).toEqual(['first']);
  });
});
