import { HEX_PAIR } from './hexNibble';

/**
 * FNV-1a 32-bit over `hash_seed` as 4 little-endian bytes followed by the 16 trace-ID bytes
 * (sampling-spec §3.3), computed with `Math.imul` (prime 0x01000193, offset 0x811c9dc5).
 * Returns the unsigned 32-bit hash.
 */
export function fnv1a32SeedTraceId(hashSeed: number, traceIdHex: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 4; i++) {
    h = Math.imul(h ^ ((hashSeed >>> (8 * i)) & 0xff), 0x01000193);
  }
  for (let i = 0; i < 32; i += 2) {
    h = Math.imul(h ^ (HEX_PAIR[((traceIdHex.charCodeAt(i) & 0x7f) << 7) | (traceIdHex.charCodeAt(i + 1) & 0x7f)] ?? 0), 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a 32 over `hash_seed` bytes then arbitrary bytes (used for the spec's empty-input constants). */
export function fnv1a32SeedBytes(hashSeed: number, bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 4; i++) h = Math.imul(h ^ ((hashSeed >>> (8 * i)) & 0xff), 0x01000193);
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] ?? 0), 0x01000193);
  return h >>> 0;
}
