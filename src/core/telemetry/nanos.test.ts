import { describe, expect, it } from 'vitest';
import { nanosDiff, nanosFromHalves, nanosHi, nanosLo } from './nanos';

describe('nanosecond halves', () => {
  const values = [0n, 1n, 0xffffffffn, 0x100000000n, 1_767_225_601_102_925_800n, 0xffffffffffffffffn, 0x8000000000000001n];

  it('rebuilds every 64-bit value exactly from its halves', () => {
    for (const t of values) expect(nanosFromHalves(nanosHi(t), nanosLo(t))).toBe(t);
  });

  it('keeps each half in its place', () => {
    expect(nanosFromHalves(1, 0)).toBe(1n << 32n);
    expect(nanosFromHalves(0, 1)).toBe(1n);
    expect(nanosFromHalves(0xffffffff, 0)).toBe(0xffffffff00000000n);
  });

  it('gives durations as exact numbers', () => {
    const a = 1_767_225_601_102_925_800n;
    const b = a + 1_234_567_891n;
    expect(nanosDiff(nanosHi(a), nanosLo(a), nanosHi(b), nanosLo(b))).toBe(1_234_567_891);
  });
});
