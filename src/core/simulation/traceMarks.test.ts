import { describe, expect, it } from 'vitest';
import { TraceMarks } from './traceMarks';

describe('TraceMarks', () => {
  it('counts each trace once, however often and in whatever order it is marked', () => {
    const marks = new TraceMarks();
    marks.addAll([3, 1, 3, 3, 0, 1]);
    expect(marks.size).toBe(3);
  });

  it('grows past its first capacity without losing what it holds', () => {
    const marks = new TraceMarks();
    marks.add(5);
    marks.add(100_000);
    marks.add(5);
    marks.add(2_000_000);
    marks.add(100_000);
    expect(marks.size).toBe(3);
  });
});
