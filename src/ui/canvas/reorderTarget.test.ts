import { describe, expect, it } from 'vitest';
import { reorderTarget } from './reorderTarget';

describe('reorderTarget: new processor index from x order', () => {
  const xs = [100, 300, 500];
  it('moves the first processor past the second', () => expect(reorderTarget(xs, 0, 350)).toEqual({ from: 0, to: 1 }));
  it('moves the last one first', () => expect(reorderTarget(xs, 2, 50)).toEqual({ from: 2, to: 0 }));
  it('a drop that keeps the order is no move (no history step)', () => expect(reorderTarget(xs, 1, 320)).toBeNull());
  it('out of range is no move', () => expect(reorderTarget(xs, 5, 0)).toBeNull());
});
