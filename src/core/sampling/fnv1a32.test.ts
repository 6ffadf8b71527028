import { describe, expect, it } from 'vitest';
import { fnv1a32SeedBytes, fnv1a32SeedTraceId } from './fnv1a32';

describe('fnv1a32 hash_seed hashing (sampling-spec §3.3)', () => {
  it('bucket of the empty input with seed 0 is 0x3515', () => {
    expect(fnv1a32SeedBytes(0, new Uint8Array()) & 0x3fff).toBe(0x3515);
  });

  it('bucket of 16 zero bytes with seed 0 is 0x2455', () => {
    expect(fnv1a32SeedTraceId(0, '00000000000000000000000000000000') & 0x3fff).toBe(0x2455);
    expect(fnv1a32SeedBytes(0, new Uint8Array(16))).toBe(fnv1a32SeedTraceId(0, '00000000000000000000000000000000'));
  });

  it('the seed is hashed as 4 little-endian bytes', () => {
    const bytes = new Uint8Array([0x12, 0x34, 0x56, 0x78]);
    expect(fnv1a32SeedBytes(0x78563412, new Uint8Array())).toBe(hashRaw(bytes));
  });
});

function hashRaw(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}
