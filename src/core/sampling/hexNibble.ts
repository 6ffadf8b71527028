/**
 * Value of one hexadecimal digit given its UTF-16 code, or -1 when the character is not a hex
 * digit.
 */
export function hexNibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 102) return code - 87; // a-f
  if (code >= 65 && code <= 70) return code - 55; // A-F
  return -1;
}

/**
 * Byte value of two hex digits, indexed by `(code1 << 7) | code2` for ASCII codes: one table read
 * per trace-ID byte on the hashing hot paths (sampling-spec §2.4.6, §3.3). Non-hex pairs read 0.
 */
export const HEX_PAIR: Uint8Array = (() => {
  const table = new Uint8Array(128 * 128);
  for (let a = 0; a < 128; a++) {
    const hi = hexNibble(a);
    if (hi < 0) continue;
    for (let b = 0; b < 128; b++) {
      const lo = hexNibble(b);
      if (lo >= 0) table[(a << 7) | b] = (hi << 4) | lo;
    }
  }
  return table;
})();

/** UTF-8 bytes of a string (salts are short). */
export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
