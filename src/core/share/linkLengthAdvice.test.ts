import { describe, expect, it } from 'vitest';
import { linkLengthAdvice } from './linkLengthAdvice';
import { MAX_SHARE_CHARS } from './shareLink';

describe('linkLengthAdvice', () => {
  it('has nothing to say about a short link', () => {
    expect(linkLengthAdvice(2_000)).toEqual([]);
  });
  it('warns that some chat tools truncate links over 2,000 characters', () => {
    const advice = linkLengthAdvice(2_001);
    expect(advice.map((a) => a.threshold)).toEqual([2_000]);
    expect(advice[0]?.message).toContain('2,000');
  });
  it('adds that many tools refuse links over 8,000 characters', () => {
    expect(linkLengthAdvice(8_001).map((a) => [a.threshold, a.severity])).toEqual([
      [2_000, 'warning'],
      [8_000, 'warning'],
    ]);
  });
  it('reports an error when even Pipeline Studio would refuse the link', () => {
    const advice = linkLengthAdvice(MAX_SHARE_CHARS + 1);
    expect(advice.at(-1)).toMatchObject({ severity: 'error', threshold: MAX_SHARE_CHARS });
  });
});
