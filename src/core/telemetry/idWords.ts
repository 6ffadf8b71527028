/**
 * Trace and span ids as 32-bit words (big-endian: word 0 holds the first 8 hex digits), the
 * layout the span store keeps (engine-design.md "Storage"). Input must be valid lowercase or
 * uppercase hex of the right length; ingest validates ids before they get here.
 */

/** Writes `words` 32-bit words parsed from `hex` (8 digits each) into `out` at `offset`. */
export function hexToWords(hex: string, out: Uint32Array, offset: number, words: number): void {
  if (hex.length === 0) {
    for (let i = 0; i < words; i++) out[offset + i] = 0;
    return;
  }
  for (let i = 0; i < words; i++) out[offset + i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
}

const HEX = '0123456789abcdef';

function wordHex(w: number): string {
  let s = '';
  for (let shift = 28; shift >= 0; shift -= 4) s += HEX[(w >>> shift) & 15];
  return s;
}

/** Lowercase hex of `words` words from `arr` at `offset`; '' when all are zero (an empty id). */
export function wordsToHex(arr: Uint32Array, offset: number, words: number): string {
  let zero = true;
  for (let i = 0; i < words; i++) if (arr[offset + i] !== 0) zero = false;
  if (zero) return '';
  let s = '';
  for (let i = 0; i < words; i++) s += wordHex(arr[offset + i]!);
  return s;
}
