import { HEX_PAIR } from './hexNibble';

/**
 * FNV-1a 64-bit state as four 16-bit limbs, least significant first (sampling-spec §2.4.6).
 * Four limbs keep every intermediate product below 2^32, so plain `number` arithmetic is exact and
 * no BigInt is allocated per trace ID.
 */
export type Fnv64State = [number, number, number, number];

/** Offset basis 0xcbf29ce484222325 split into limbs. */
const OFFSET: Fnv64State = [0x2325, 0x8422, 0x9ce4, 0xcbf2];

/**
 * One FNV-1a step: xor the byte, then multiply by the prime 0x100000001b3 = 2^40 + 0x1b3 mod 2^64.
 * Multiplying by 2^40 moves limb i to limb i+2 shifted left by 8 bits, i.e. `h[i] * 0x100`.
 */
function step(h: Fnv64State, byte: number): void {
  const h0 = h[0] ^ byte;
  const h1 = h[1];
  const t0 = h0 * 0x1b3;
  const t1 = h1 * 0x1b3 + (t0 >>> 16);
  const t2 = h[2] * 0x1b3 + (t1 >>> 16) + h0 * 0x100;
  const t3 = h[3] * 0x1b3 + (t2 >>> 16) + h1 * 0x100;
  h[0] = t0 & 0xffff;
  h[1] = t1 & 0xffff;
  h[2] = t2 & 0xffff;
  h[3] = t3 & 0xffff;
}

/** FNV-1a 64 state after hashing `prefix` (the salt bytes), to be reused for every trace ID. */
export function fnv1a64Prefix(prefix: Uint8Array): Fnv64State {
  const h: Fnv64State = [OFFSET[0], OFFSET[1], OFFSET[2], OFFSET[3]];
  for (let i = 0; i < prefix.length; i++) step(h, prefix[i] ?? 0);
  return h;
}

/**
 * Continues `prefix` over the 16 raw bytes of a 32-digit hex trace ID and writes the 64-bit hash
 * into `out` as `[high 32 bits, low 32 bits]` (both unsigned). Hot path: no allocation.
 */
export function fnv1a64TraceId(prefix: Fnv64State, traceIdHex: string, out: Float64Array | number[]): void {
  let h0 = prefix[0];
  let h1 = prefix[1];
  let h2 = prefix[2];
  let h3 = prefix[3];
  for (let i = 0; i < 32; i += 2) {
    // Lowercase hex ids (pdata invariant); `& 0x7f` keeps the index inside the table.
    const x0 = h0 ^ (HEX_PAIR[((traceIdHex.charCodeAt(i) & 0x7f) << 7) | (traceIdHex.charCodeAt(i + 1) & 0x7f)] ?? 0);
    const t0 = x0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (t1 >>> 16) + x0 * 0x100;
    const t3 = h3 * 0x1b3 + (t2 >>> 16) + h1 * 0x100;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  out[0] = h3 * 0x10000 + h2;
  out[1] = h1 * 0x10000 + h0;
}

/** The full hash as a BigInt (tests, detail texts); the hot path uses {@link fnv1a64TraceId}. */
export function fnv1a64TraceIdBigInt(prefix: Fnv64State, traceIdHex: string): bigint {
  const out = [0, 0];
  fnv1a64TraceId(prefix, traceIdHex, out);
  return (BigInt(out[0] ?? 0) << 32n) | BigInt(out[1] ?? 0);
}

/**
 * Same as {@link fnv1a64TraceId} for a trace ID stored as four big-endian 32-bit words (the span
 * store's layout, `telemetry/idWords.ts`) at `offset`: the fastest path, no string access.
 */
export function fnv1a64TraceIdWords(prefix: Fnv64State, words: Uint32Array, offset: number, out: Float64Array | number[]): void {
  let h0 = prefix[0];
  let h1 = prefix[1];
  let h2 = prefix[2];
  let h3 = prefix[3];
  for (let w = 0; w < 4; w++) {
    const word = words[offset + w] ?? 0;
    for (let shift = 24; shift >= 0; shift -= 8) {
      const x0 = h0 ^ ((word >>> shift) & 0xff);
      const t0 = x0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (t1 >>> 16) + x0 * 0x100;
      const t3 = h3 * 0x1b3 + (t2 >>> 16) + h1 * 0x100;
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
  }
  out[0] = h3 * 0x10000 + h2;
  out[1] = h1 * 0x10000 + h0;
}
