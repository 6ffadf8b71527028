import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket';

const S = 1e9;

describe('TokenBucket (golang.org/x/time/rate semantics, sampling-spec §2.4.8)', () => {
  it('starts full with burst tokens', () => {
    const b = new TokenBucket(10, 20);
    expect(b.allowN(0, 20)).toBe(true);
    expect(b.allowN(0, 1)).toBe(false);
  });

  it('refills continuously at limit tokens per second, capped at burst', () => {
    const b = new TokenBucket(4, 4);
    expect(b.allowN(0, 4)).toBe(true);
    expect(b.allowN(0.6 * S, 2)).toBe(true); // 2.4 tokens
    expect(b.allowN(0.6 * S, 1)).toBe(false); // 0.4 left
    expect(b.allowN(100 * S, 5)).toBe(false); // never above burst 4
  });

  it('a failed request leaves the state unchanged', () => {
    const b = new TokenBucket(1, 2);
    expect(b.allowN(0, 2)).toBe(true);
    expect(b.allowN(0.5 * S, 1)).toBe(false);
    expect(b.allowN(1 * S, 1)).toBe(true);
  });

  it('a request larger than burst never passes', () => {
    expect(new TokenBucket(100, 5).allowN(0, 6)).toBe(false);
  });

  it('limit 0 spends a one-off burst and never refills', () => {
    const b = new TokenBucket(0, 3);
    expect(b.allowN(0, 2)).toBe(true);
    expect(b.allowN(1000 * S, 2)).toBe(false);
    expect(b.allowN(1000 * S, 1)).toBe(true);
    expect(b.allowN(2000 * S, 1)).toBe(false);
  });
});
