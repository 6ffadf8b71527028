/**
 * Trace and span ids in, lowercase hex out (engine-design.md "Ingest": normalise ids to bytes,
 * hex or base64 in). OTLP/JSON specifies hex; proto3's JSON mapping (and some exporters) use
 * base64, so both are accepted when unambiguous.
 */

const HEX_RE = /^[0-9a-fA-F]*$/;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map<string, number>();
for (let i = 0; i < B64.length; i++) B64_INDEX.set(B64[i]!, i);
B64_INDEX.set('-', 62);
B64_INDEX.set('_', 63);

/** Decodes standard or URL-safe base64 (padding optional); null when `s` is not base64. */
export function decodeBase64(s: string): Uint8Array | null {
  let end = s.length;
  while (end > 0 && s[end - 1] === '=') end--;
  if (s.length - end > 2 || end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const v = B64_INDEX.get(s[i]!);
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Standard base64 of `bytes` (with padding). */
export function encodeBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    s += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    s += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    s += c === undefined ? '=' : B64[c & 63]!;
  }
  return s;
}

/** Lowercase hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i]! < 16 ? '0' : '') + bytes[i]!.toString(16);
  return s;
}

function show(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/**
 * An OTLP id (`bytes` 16 for a trace id, 8 for a span id) as lowercase hex; '' for an absent or
 * empty id; `{ error }` when it is neither hex of the right length nor base64 of `bytes` bytes.
 */
export function parseOtlpId(value: unknown, bytes: 8 | 16, field: string): string | { error: string } {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'string') return { error: `${field} must be a string of ${bytes * 2} hex digits (got ${typeof value})` };
  const digits = bytes * 2;
  if (HEX_RE.test(value)) {
    if (value.length === digits) return value.toLowerCase();
    return { error: `${field} must be ${digits} hex digits (got ${value.length})` };
  }
  const decoded = decodeBase64(value);
  if (decoded && decoded.length === bytes) return bytesToHex(decoded);
  return { error: `${field} must be ${digits} hex digits or base64 of ${bytes} bytes (got ${show(value)}, ${value.length} characters)` };
}

/** True when every digit is zero (an invalid trace/span id in OTLP). */
export function isZeroId(hex: string): boolean {
  return /^0*$/.test(hex);
}

/**
 * FNV-1a 64 of a string as 16 hex digits: stable ids for Jaeger/Zipkin fixtures whose ids are
 * not hex (e.g. "span-1"). Not a sampling hash.
 */
export function hashId64(s: string, salt = 0): string {
  let h0 = 0x2325 ^ salt;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < s.length; i++) {
    h0 ^= s.charCodeAt(i) & 0xffff;
    // multiply by the FNV prime 0x100000001b3 in 16-bit limbs
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    const c1 = t1 + (t0 >>> 16);
    const c2 = t2 + (c1 >>> 16);
    h0 = t0 & 0xffff;
    h1 = c1 & 0xffff;
    h2 = c2 & 0xffff;
    h3 = (t3 + (c2 >>> 16)) & 0xffff;
  }
  return [h3, h2, h1, h0].map((x) => x.toString(16).padStart(4, '0')).join('');
}

/**
 * A Jaeger/Zipkin id: hex of up to `bytes` bytes, left-padded with zeros (64-bit trace ids are
 * common there). A non-hex id is replaced by a stable hash and `replaced` is set, so parent
 * references in the same file still match.
 */
export function parseLooseId(value: unknown, bytes: 8 | 16): { hex: string; replaced: boolean } | { error: string } {
  if (value === undefined || value === null || value === '') return { error: 'id is missing' };
  const s = typeof value === 'number' ? value.toString(16) : String(value);
  const digits = bytes * 2;
  if (HEX_RE.test(s) && s.length <= digits) return { hex: s.toLowerCase().padStart(digits, '0'), replaced: false };
  if (HEX_RE.test(s) && s.length > digits) return { error: `id must be at most ${digits} hex digits (got ${s.length})` };
  const h = bytes === 8 ? hashId64(s) : hashId64(s, 0x5a5a) + hashId64(s);
  return { hex: h, replaced: true };
}
