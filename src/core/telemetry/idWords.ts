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

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Scratch char codes for one id (32 hex digits at most): one flat string per id, not a rope of 32 pieces. */
const scratch: number[] = new Array<number>(32).fill(48);
const scratch16: number[] = new Array<number>(16).fill(48);

/** Lowercase hex of `words` words from `arr` at `offset`; '' when all are zero (an empty id). */
export function wordsToHex(arr: Uint32Array, offset: number, words: number): string {
  let zero = true;
  for (let i = 0; i < words; i++) if (arr[offset + i] !== 0) zero = false;
  if (zero) return '';
  const codes = words === 2 ? scratch16 : words === 4 ? scratch : new Array<number>(words * 8);
  for (let i = 0; i < words; i++) {
    const w = arr[offset + i]!;
    const at = i * 8;
    codes[at] = HEX_CODES[w >>> 28]!;
    codes[at + 1] = HEX_CODES[(w >>> 24) & 15]!;
    codes[at + 2] = HEX_CODES[(w >>> 20) & 15]!;
    codes[at + 3] = HEX_CODES[(w >>> 16) & 15]!;
    codes[at + 4] = HEX_CODES[(w >>> 12) & 15]!;
    codes[at + 5] = HEX_CODES[(w >>> 8) & 15]!;
    codes[at + 6] = HEX_CODES[(w >>> 4) & 15]!;
    codes[at + 7] = HEX_CODES[w & 15]!;
  }
  return String.fromCharCode.apply(null, codes);
}
