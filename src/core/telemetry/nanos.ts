/**
 * Exact nanosecond timestamps as two u32 halves (engine-design.md "Storage": timestamps exceed
 * 2^53, store them exactly). Durations come back as numbers, exact below 2^53 ns (~104 days).
 */

const TWO32 = 4294967296;

/** High half of an unsigned 64-bit nanosecond value. */
export function nanosHi(t: bigint): number {
  return Number((t >> 32n) & 0xffffffffn);
}

/** Low half of an unsigned 64-bit nanosecond value. */
export function nanosLo(t: bigint): number {
  return Number(t & 0xffffffffn);
}

// One 64-bit word seen as two 32-bit halves: reading it makes one bigint, where shifting and
// or-ing two makes four (a run reads millions of timestamps).
const word = new BigUint64Array(1);
const halves = new Uint32Array(word.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;

/** The bigint for a (hi, lo) pair. */
export function nanosFromHalves(hi: number, lo: number): bigint {
  halves[LO] = lo;
  halves[HI] = hi;
  return word[0]!;
}

/** (b - a) in ns for two (hi, lo) pairs, as a number (exact while |b - a| < 2^53). */
export function nanosDiff(aHi: number, aLo: number, bHi: number, bLo: number): number {
  return (bHi - aHi) * TWO32 + (bLo - aLo);
}

/** Compares two (hi, lo) pairs: negative, zero or positive. */
export function nanosCompare(aHi: number, aLo: number, bHi: number, bLo: number): number {
  return aHi !== bHi ? aHi - bHi : aLo - bLo;
}

/**
 * Adds a non-negative integer offset (< 2^53 - 2^32) to (hi, lo) and writes the result to
 * `out[0]` (hi) and `out[1]` (lo).
 */
export function nanosAdd(hi: number, lo: number, offset: number, out: Uint32Array | number[]): void {
  const total = lo + offset;
  const carry = Math.floor(total / TWO32);
  out[0] = (hi + carry) >>> 0;
  out[1] = total - carry * TWO32;
}
