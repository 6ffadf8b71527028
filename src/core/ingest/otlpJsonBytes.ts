/**
 * OTLP/JSON spans read straight from their bytes into a SpanStore, without `TextDecoder`,
 * `JSON.parse` or any object per span (issue #6, decision 0016: in Chromium's worker
 * `JSON.parse` is fast enough that decoding, parsing and then walking each parse tree cost
 * 1.5–2× the decode + `JSON.parse` floor; read from bytes, ingest is below it).
 *
 * Only the common, strictly valid shape is read here: a span object of known camelCase keys,
 * each at most once, in any order, with JSON whitespace anywhere between tokens; ids as hex of
 * the right length; times as decimal strings; flags, kind, counts and status codes as plain
 * integers; attributes as `{"key": …, "value": {<one of stringValue, boolValue, intValue,
 * doubleValue>}}`; strings without escapes or control characters (any UTF-8 is fine). Whatever
 * else it meets — snake_case, base64 ids, enum names, null, an unknown key, an escape, a
 * repeated attribute key, a structured value, a field the writer would reject — makes it
 * decline the span before anything visible is left behind (the caller rolls the row back),
 * and the span takes the `JSON.parse` path (`otlpJsonColumns`), which reports or normalises it.
 *
 * So whenever a span is taken, its bytes are a JSON object `JSON.parse` accepts, and the store
 * holds exactly what `JSON.parse` + `writeSpan` would have written: the same columns, the same
 * extras, strings interned in the same order (the span's name, its attributes key then value,
 * each event's name then attributes, each link's trace state then attributes), because a span
 * is read in two steps. `parseSpan` reads it in document order into a slot of a `SpanStage`
 * (ids, times and numbers; strings as positions and a hash), and `commitSpan` writes the slot
 * in `writeSpan`'s order. The scanner lets the reader parse each span as the scan reaches it
 * (`stage`, via `JsonScannerHandlers.onSpan`), so the scan skips its bytes; the slots are
 * committed once the element is complete and its skeleton read (`take`, `read`), and a span
 * not staged (one across chunks) is parsed from the element's bytes then.
 *
 * Strings are interned by their bytes (`ByteInterner`): a hit costs a hash and a compare of
 * the bytes, no string is made; a miss decodes the bytes once (an ASCII quote bounds them, so
 * they decode exactly as they do inside the whole text). The stage is pooled across readers
 * (`spareStage`).
 */
import { pushBoolAttribute, pushDoubleAttribute, pushIntAttribute, pushStringAttribute, type AttributeColumns } from '../telemetry/attributeColumns';
import { pushEvent } from '../telemetry/eventColumns';
import { pushLink } from '../telemetry/linkColumns';
import type { SpanExtras, SpanStore } from '../telemetry/spanStore';
import { internString, type StringTable } from '../telemetry/stringTable';
import { BACKSLASH, CLOSE_ARR, CLOSE_OBJ, COLON, COMMA, MINUS, OPEN_ARR, OPEN_OBJ, QUOTE, ZERO } from './jsonBytes';

const TWO32 = 4294967296;

// ---------------------------------------------------------------------------------------------
// Scratch. Scanners return the index after their token, or -1 when the token is not there (or
// not one this reader takes), and leave what they read in these typed arrays: a number stored
// in a `let` outside the function would cost a heap allocation whenever it is not a small int.

/** [0] hash of the last string (`scanString`), [1] OR of the last id's words, [2] the last bool. */
const REG = new Int32Array(4);
const R_HASH = 0;
const R_ID_ANY = 1;
const R_BOOL = 2;
/** Set (to 1) by `skipWs` when it skips a newline. */
const R_NEWLINE = 3;
/** The last number scanned when it was an integer of at most 15 digits, else NaN. */
const NUM = new Float64Array(1);
/** The halves of the last time computed by `nanosHalves`. */
export const HALVES = new Uint32Array(2);

// ---------------------------------------------------------------------------------------------
// Times: the decimal string a * 1e9 + b (b the last 9 digits) as u32 halves, without BigInt.

/**
 * a * 1e9 + b (a < 1e11, b < 1e9, both exact) into `HALVES`; false when it does not fit in 64
 * bits. Shared with `otlpJsonColumns.readTime`, so both paths compute alike.
 */
export function nanosHalves(a: number, b: number): boolean {
  // split a into 16-bit-ish limbs so every product stays below 2^53 (the multiplications by
  // 2^-16 and 2^-32 are exact divisions)
  const aH = Math.floor(a * 1.52587890625e-5);
  const y = aH * 1e9; // < 2^51
  const yH = Math.floor(y * 1.52587890625e-5);
  const z = (y - yH * 65536) * 65536 + (a - aH * 65536) * 1e9 + b; // < 2^48
  const carry = Math.floor(z * 2.3283064365386963e-10);
  const hi = yH + carry;
  if (hi > 0xffffffff) return false;
  HALVES[0] = hi;
  HALVES[1] = z - carry * TWO32;
  return true;
}

/** A time string at i (its quote) into `HALVES`: 1 to 20 digits, as `readTime` takes them. */
function scanTime(b: Uint8Array, i: number, end: number): number {
  if (b[i] !== QUOTE) return -1;
  const s = i + 1;
  if (s + 19 < end && b[s + 19] === QUOTE) {
    // 19 digits, as every time since 2001 has: 5, 5 and the last 9, in int32s, the digits
    // checked all at once (a byte that is not one makes `bad` negative)
    let bad = 0;
    let a1 = 0;
    let a2 = 0;
    let lo = 0;
    for (let k = s; k < s + 5; k++) {
      const d = b[k]! - ZERO;
      bad |= d | (9 - d);
      a1 = a1 * 10 + d;
    }
    for (let k = s + 5; k < s + 10; k++) {
      const d = b[k]! - ZERO;
      bad |= d | (9 - d);
      a2 = a2 * 10 + d;
    }
    for (let k = s + 10; k < s + 19; k++) {
      const d = b[k]! - ZERO;
      bad |= d | (9 - d);
      lo = lo * 10 + d;
    }
    if (bad >= 0) return nanosHalves(a1 * 100000 + a2, lo) ? s + 20 : -1;
  }
  let e = s;
  for (; e < end; e++) {
    const d = b[e]! - ZERO;
    if (d < 0 || d > 9) break;
  }
  const len = e - s;
  if (len < 1 || len > 20 || b[e] !== QUOTE) return -1;
  // value = a * 1e9 + lo, lo the last 9 digits
  const split = len > 9 ? e - 9 : s;
  let a = 0;
  for (let k = s; k < split; k++) a = a * 10 + (b[k]! - ZERO);
  let lo = 0;
  for (let k = split; k < e; k++) lo = lo * 10 + (b[k]! - ZERO);
  return nanosHalves(a, lo) ? e + 1 : -1;
}

// ---------------------------------------------------------------------------------------------
// Tokens.

/** The byte two ASCII hex digits spell, by (first byte << 7 | second), or -1. */
const HEX_PAIR = new Int16Array(1 << 14).fill(-1);
{
  const hex = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let a = 0; a < 128; a++) for (let c = 0; c < 128; c++) if (hex(a) >= 0 && hex(c) >= 0) HEX_PAIR[(a << 7) | c] = hex(a) * 16 + hex(c);
}

/** The first index from i on that is not JSON whitespace (a newline sets REG[R_NEWLINE]). */
function skipWs(b: Uint8Array, i: number, end: number): number {
  return i < end && b[i]! > 0x20 ? i : skipWsFrom(b, i, end);
}

function skipWsFrom(b: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const c = b[i]!;
    if (c === 0x0a) REG[R_NEWLINE] = 1;
    else if (c !== 0x20 && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
  return i;
}

/**
 * A string whose opening quote is at i - 1: its contents run to the returned index - 1; their
 * FNV-1a hash goes to REG[R_HASH]. No escapes, no control characters (`JSON.parse` rejects
 * those; escapes are for the other path).
 */
function scanString(b: Uint8Array, i: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c === QUOTE) {
      REG[R_HASH] = h;
      return i + 1;
    }
    if (c < 0x20 || c === BACKSLASH) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return -1;
}

/** `scanString` without the hash (keys, which are matched, not interned). */
function scanKey(b: Uint8Array, i: number, end: number): number {
  for (; i < end; i++) {
    const c = b[i]!;
    if (c === QUOTE) return i + 1;
    if (c < 0x20 || c === BACKSLASH) return -1;
  }
  return -1;
}

/** A JSON number starting at i (the grammar exactly: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?); see NUM. */
function scanNumber(b: Uint8Array, i: number, end: number): number {
  let neg = false;
  if (i < end && b[i] === MINUS) {
    neg = true;
    i++;
  }
  const digits = i;
  let n = 0;
  if (i < end && b[i] === ZERO) i++;
  else {
    for (; i < end; i++) {
      const d = b[i]! - ZERO;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === digits) return -1;
  }
  let integer = i - digits <= 15;
  if (i < end && b[i] === 0x2e) {
    integer = false;
    const f = ++i;
    while (i < end && b[i]! >= ZERO && b[i]! <= 0x39) i++;
    if (i === f) return -1;
  }
  if (i < end && (b[i] === 0x65 || b[i] === 0x45)) {
    integer = false;
    i++;
    if (i < end && (b[i] === 0x2b || b[i] === MINUS)) i++;
    const x = i;
    while (i < end && b[i]! >= ZERO && b[i]! <= 0x39) i++;
    if (i === x) return -1;
  }
  NUM[0] = integer ? (neg ? -n : n) : NaN;
  return i;
}

/** A non-negative integer number in [lo, hi] (as the writer takes uint32 fields, kinds and codes), not -0. */
function scanInt(b: Uint8Array, i: number, end: number, hi: number): number {
  if (b[i] === MINUS) return -1;
  const j = scanNumber(b, i, end);
  const n = NUM[0]!;
  return j >= 0 && n >= 0 && n <= hi ? j : -1;
}

/** `true` / `false` at i into REG[R_BOOL]. */
function scanBool(b: Uint8Array, i: number, end: number): number {
  if (i + 4 <= end && b[i] === 0x74 && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65) {
    REG[R_BOOL] = 1;
    return i + 4;
  }
  if (i + 5 <= end && b[i] === 0x66 && b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65) {
    REG[R_BOOL] = 0;
    return i + 5;
  }
  return -1;
}

/**
 * An id string at i (its quote): exactly `words` * 8 hex digits into out[at…], the OR of the
 * words into REG[R_ID_ANY]. An empty string is taken only when `emptyOk` (the words left alone).
 */
function scanId(b: Uint8Array, i: number, end: number, words: number, out: Uint32Array, at: number, emptyOk: boolean): number {
  if (b[i] !== QUOTE) return -1;
  i++;
  if (emptyOk && i < end && b[i] === QUOTE) {
    REG[R_ID_ANY] = 0;
    return i + 1;
  }
  if (i + words * 8 >= end) return -1;
  let any = 0;
  for (let w = 0; w < words; w++, i += 8) {
    const c0 = b[i]!;
    const c1 = b[i + 1]!;
    const c2 = b[i + 2]!;
    const c3 = b[i + 3]!;
    const c4 = b[i + 4]!;
    const c5 = b[i + 5]!;
    const c6 = b[i + 6]!;
    const c7 = b[i + 7]!;
    if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) > 127) return -1;
    const h0 = HEX_PAIR[(c0 << 7) | c1]!;
    const h1 = HEX_PAIR[(c2 << 7) | c3]!;
    const h2 = HEX_PAIR[(c4 << 7) | c5]!;
    const h3 = HEX_PAIR[(c6 << 7) | c7]!;
    if ((h0 | h1 | h2 | h3) < 0) return -1;
    const x = (h0 << 24) | (h1 << 16) | (h2 << 8) | h3;
    out[at + w] = x;
    any |= x;
  }
  if (b[i] !== QUOTE) return -1;
  REG[R_ID_ANY] = any;
  return i + 1;
}

// ---------------------------------------------------------------------------------------------
// Keys: matched byte for byte against the names this reader takes.

interface KeyTable {
  /** By key length: the first candidate's code, or -1. */
  readonly first: Int8Array;
  /** By code: the next candidate of the same length, or -1. */
  readonly next: Int8Array;
  readonly names: readonly Uint8Array[];
}

function keyTable(names: readonly string[]): KeyTable {
  const first = new Int8Array(64).fill(-1);
  const next = new Int8Array(names.length).fill(-1);
  const encoded = names.map((n) => new TextEncoder().encode(n));
  for (let code = names.length - 1; code >= 0; code--) {
    const len = names[code]!.length;
    next[code] = first[len]!;
    first[len] = code;
  }
  return { first, next, names: encoded };
}

/** The code of the key b[s, e) in `table`, or -1. */
function keyCode(table: KeyTable, b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len >= 64) return -1;
  for (let code = table.first[len]!; code >= 0; code = table.next[code]!) {
    const name = table.names[code]!;
    let i = 0;
    while (i < len && b[s + i] === name[i]) i++;
    if (i === len) return code;
  }
  return -1;
}

/** True when b[i…] starts with the bytes `l`. */
function lit(b: Uint8Array, i: number, end: number, l: Uint8Array): boolean {
  const n = l.length;
  if (i + n > end) return false;
  for (let k = 0; k < n; k++) if (b[i + k] !== l[k]) return false;
  return true;
}

const ascii = (text: string) => new TextEncoder().encode(text);
// The attribute shape every exporter writes: {"key":"…","value":{"stringValue":"…"}} (or
// intValue, boolValue), its literal parts compared byte for byte, unrolled.
const LIT_INT_VALUE = ascii('intValue":');
const LIT_BOOL_VALUE = ascii('boolValue":');

/** b[i…] is `{"key":"`. */
function isKeyStart(b: Uint8Array, i: number, end: number): boolean {
  return i + 8 <= end && b[i] === 0x7b && b[i + 1] === 0x22 && b[i + 2] === 0x6b && b[i + 3] === 0x65 && b[i + 4] === 0x79 && b[i + 5] === 0x22 && b[i + 6] === 0x3a && b[i + 7] === 0x22;
}

/** b[i…] is `,"value":{"` (11 bytes). */
function isValueStart(b: Uint8Array, i: number, end: number): boolean {
  return (
    i + 11 <= end &&
    b[i] === 0x2c &&
    b[i + 1] === 0x22 &&
    b[i + 2] === 0x76 &&
    b[i + 3] === 0x61 &&
    b[i + 4] === 0x6c &&
    b[i + 5] === 0x75 &&
    b[i + 6] === 0x65 &&
    b[i + 7] === 0x22 &&
    b[i + 8] === 0x3a &&
    b[i + 9] === 0x7b &&
    b[i + 10] === 0x22
  );
}

/** b[i…] is `stringValue":"` (14 bytes). */
function isStringValue(b: Uint8Array, i: number, end: number): boolean {
  return (
    i + 14 <= end &&
    b[i] === 0x73 &&
    b[i + 1] === 0x74 &&
    b[i + 2] === 0x72 &&
    b[i + 3] === 0x69 &&
    b[i + 4] === 0x6e &&
    b[i + 5] === 0x67 &&
    b[i + 6] === 0x56 &&
    b[i + 7] === 0x61 &&
    b[i + 8] === 0x6c &&
    b[i + 9] === 0x75 &&
    b[i + 10] === 0x65 &&
    b[i + 11] === 0x22 &&
    b[i + 12] === 0x3a &&
    b[i + 13] === 0x22
  );
}

const S_TRACE_ID = 0;
const S_SPAN_ID = 1;
const S_PARENT = 2;
const S_TRACE_STATE = 3;
const S_FLAGS = 4;
const S_NAME = 5;
const S_KIND = 6;
const S_START = 7;
const S_END = 8;
const S_ATTRIBUTES = 9;
const S_DROPPED_ATTRIBUTES = 10;
const S_EVENTS = 11;
const S_DROPPED_EVENTS = 12;
const S_LINKS = 13;
const S_DROPPED_LINKS = 14;
const S_STATUS = 15;
const SPAN_KEYS = keyTable([
  'traceId',
  'spanId',
  'parentSpanId',
  'traceState',
  'flags',
  'name',
  'kind',
  'startTimeUnixNano',
  'endTimeUnixNano',
  'attributes',
  'droppedAttributesCount',
  'events',
  'droppedEventsCount',
  'links',
  'droppedLinksCount',
  'status',
]);
const E_TIME = 0;
const E_NAME = 1;
const E_ATTRIBUTES = 2;
const EVENT_KEYS = keyTable(['timeUnixNano', 'name', 'attributes', 'droppedAttributesCount']);
const L_TRACE_ID = 0;
const L_SPAN_ID = 1;
const L_TRACE_STATE = 2;
const L_FLAGS = 3;
const L_ATTRIBUTES = 4;
const LINK_KEYS = keyTable(['traceId', 'spanId', 'traceState', 'flags', 'attributes', 'droppedAttributesCount']);
const ST_CODE = 0;
const STATUS_KEYS = keyTable(['code', 'message']);
const KV_KEY = 0;
const KV_KEYS = keyTable(['key', 'value']);
const V_STRING = 1;
const V_BOOL = 2;
const V_INT = 3;
const VALUE_KEYS = keyTable(['', 'stringValue', 'boolValue', 'intValue', 'doubleValue']);

// ---------------------------------------------------------------------------------------------
// Strings interned by their bytes.

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const MAX_ENTRIES = 1 << 18;

/**
 * b[s, e) as the string `JSON.parse` makes of it: no escapes in it and ASCII bytes around it,
 * so it decodes as it does inside the whole text (a BOM in it is kept, as there).
 */
function decodeBytes(b: Uint8Array, s: number, e: number): string {
  const n = e - s;
  if (n <= 64) {
    // short ASCII (most misses): char codes, not a TextDecoder call
    let k = 0;
    for (; k < n; k++) {
      const c = b[s + k]!;
      if (c >= 0x80) break;
      CODES[k] = c;
    }
    if (k === n) {
      CODES.length = n;
      return String.fromCharCode.apply(null, CODES);
    }
  }
  return utf8.decode(b.subarray(s, e));
}

const CODES: number[] = [];

/**
 * A cache from string bytes to string-table ids. An entry is trusted only while the table
 * still holds that very string at that id (a rollback may have truncated it), so it can never
 * give an id `internString` would not.
 */
class ByteInterner {
  private mask = 4095;
  private hashes = new Int32Array(4096);
  private ids = new Int32Array(4096).fill(-1);
  private strs: string[] = new Array<string>(4096).fill('');
  private offs = new Int32Array(4096);
  private lens = new Int32Array(4096);
  private arena = new Uint8Array(1 << 16);
  private arenaLen = 0;
  private count = 0;

  constructor(private readonly strings: StringTable) {}

  /** The id of the string b[s, e) whose bytes hash to `h` (`scanString`), interning it when new. */
  intern(b: Uint8Array, s: number, e: number, h: number): number {
    const len = e - s;
    if (len === 0) return 0;
    const ids = this.ids;
    let idx = h & this.mask;
    for (;;) {
      const id = ids[idx]!;
      if (id < 0) break;
      if (this.hashes[idx] === h && this.lens[idx] === len) {
        const arena = this.arena;
        const off = this.offs[idx]!;
        let k = 0;
        while (k < len && arena[off + k] === b[s + k]) k++;
        if (k === len) {
          if (this.strings.values[id] === this.strs[idx]) return id;
          const again = internString(this.strings, decodeBytes(b, s, e));
          ids[idx] = again;
          this.strs[idx] = this.strings.values[again]!;
          return again;
        }
      }
      idx = (idx + 1) & this.mask;
    }
    const id = internString(this.strings, decodeBytes(b, s, e));
    if (this.count >= MAX_ENTRIES) {
      // a file of ever new strings: start over rather than grow without bound
      this.reset(4096);
      this.arena = new Uint8Array(1 << 16);
      idx = h & this.mask;
    }
    this.put(idx, h, id, this.strings.values[id]!, b, s, len);
    if (++this.count * 2 > this.mask + 1) this.grow();
    return id;
  }

  private put(idx: number, h: number, id: number, str: string, src: Uint8Array, s: number, len: number): void {
    if (this.arenaLen + len > this.arena.length) {
      let cap = this.arena.length * 2;
      while (cap < this.arenaLen + len) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.arena.subarray(0, this.arenaLen));
      this.arena = next;
    }
    this.arena.set(src.subarray(s, s + len), this.arenaLen);
    this.hashes[idx] = h;
    this.ids[idx] = id;
    this.strs[idx] = str;
    this.offs[idx] = this.arenaLen;
    this.lens[idx] = len;
    this.arenaLen += len;
  }

  private reset(size: number): void {
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.ids = new Int32Array(size).fill(-1);
    this.strs = new Array<string>(size).fill('');
    this.offs = new Int32Array(size);
    this.lens = new Int32Array(size);
    this.count = 0;
    this.arenaLen = 0;
  }

  private grow(): void {
    const { hashes, ids, strs, offs, lens, arena } = this;
    const n = ids.length;
    this.reset(n * 2);
    this.arena = new Uint8Array(arena.length);
    for (let i = 0; i < n; i++) {
      if (ids[i]! < 0) continue;
      let idx = hashes[i]! & this.mask;
      while (this.ids[idx]! >= 0) idx = (idx + 1) & this.mask;
      this.put(idx, hashes[i]!, ids[i]!, strs[i]!, arena, offs[i]!, lens[i]!);
      this.count++;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The reader. A span's fields are parsed into a stage slot in document order (positions in the
// bytes it was parsed from, plus the slot's `base` to make them relative to its element), then
// committed in `writeSpan`'s order. A slot's attributes, events and links are ranges of the
// stage's attribute, event and link lists; the attributes of its events and links too.

// span slot fields (Int32, SPAN_STRIDE per slot); strings take three (start, end, hash)
const P_NAME = 0;
const P_TRACE_STATE = 3;
const P_MESSAGE = 6;
const P_ATTR_FROM = 9;
const P_ATTR_TO = 10;
const P_KIND = 11;
const P_STATUS = 12;
const P_EVENT_FROM = 13;
const P_EVENT_TO = 14;
const P_LINK_FROM = 15;
const P_LINK_TO = 16;
const P_BASE = 17;
const P_START = 18;
const SPAN_STRIDE = 20;
// span slot fields (Uint32, SPAN_U_STRIDE per slot)
const U_FLAGS = 0;
const U_DROPPED_ATTRIBUTES = 1;
const U_DROPPED_EVENTS = 2;
const U_DROPPED_LINKS = 3;
const U_TRACE_ID = 4;
const U_SPAN_ID = 8;
const U_PARENT = 10;
const U_START = 12;
const U_END = 14;
const SPAN_U_STRIDE = 16;
// attribute fields (Int32): key start, end, hash; value type, start, end, hash
const ATTR_STRIDE = 7;
// event fields (Int32): name start, end, hash; attributes from, to. (Uint32): time hi, lo; dropped
const EVENT_STRIDE = 5;
const EVENT_U_STRIDE = 3;
// link fields (Int32): trace state start, end, hash; attributes from, to. (Uint32): trace id, span id, flags, dropped
const LINK_STRIDE = 5;
const LINK_U_STRIDE = 8;

function grown<T extends Int32Array | Uint32Array | Float64Array>(a: T, need: number): T {
  let cap = a.length * 2;
  while (cap < need) cap *= 2;
  const next = new (a.constructor as new (n: number) => T)(cap);
  next.set(a);
  return next;
}

/** Parsed spans waiting to be committed (see the module comment). */
class SpanStage {
  spans = new Int32Array(256 * SPAN_STRIDE);
  spansU = new Uint32Array(256 * SPAN_U_STRIDE);
  attrs = new Int32Array(1024 * ATTR_STRIDE);
  attrNum = new Float64Array(1024);
  events = new Int32Array(16 * EVENT_STRIDE);
  eventsU = new Uint32Array(16 * EVENT_U_STRIDE);
  links = new Int32Array(16 * LINK_STRIDE);
  linksU = new Uint32Array(16 * LINK_U_STRIDE);
  count = 0;
  attrCount = 0;
  eventCount = 0;
  linkCount = 0;
  /** The next slot `take` looks at. */
  cursor = 0;

  clear(): void {
    this.count = this.attrCount = this.eventCount = this.linkCount = this.cursor = 0;
  }

  /** Bytes held by the scratch arrays. */
  bytes(): number {
    return this.spans.byteLength + this.spansU.byteLength + this.attrs.byteLength + this.attrNum.byteLength + this.events.byteLength + this.eventsU.byteLength + this.links.byteLength + this.linksU.byteLength;
  }

  /** The next slot (not zeroed: `parseSpan` sets every field); `count` is only advanced once it is kept. */
  open(): number {
    const slot = this.count;
    if ((slot + 1) * SPAN_STRIDE > this.spans.length) {
      this.spans = grown(this.spans, (slot + 1) * SPAN_STRIDE);
      this.spansU = grown(this.spansU, (slot + 1) * SPAN_U_STRIDE);
    }
    return slot;
  }

  attr(): number {
    const a = this.attrCount++;
    if (this.attrCount * ATTR_STRIDE > this.attrs.length) {
      this.attrs = grown(this.attrs, this.attrCount * ATTR_STRIDE);
      this.attrNum = grown(this.attrNum, this.attrCount);
    }
    return a;
  }

  event(): number {
    const e = this.eventCount++;
    if (this.eventCount * EVENT_STRIDE > this.events.length) {
      this.events = grown(this.events, this.eventCount * EVENT_STRIDE);
      this.eventsU = grown(this.eventsU, this.eventCount * EVENT_U_STRIDE);
    }
    return e;
  }

  link(): number {
    const l = this.linkCount++;
    if (this.linkCount * LINK_STRIDE > this.links.length) {
      this.links = grown(this.links, this.linkCount * LINK_STRIDE);
      this.linksU = grown(this.linksU, this.linkCount * LINK_U_STRIDE);
    }
    return l;
  }
}

/**
 * An `intValue` at i into attrNum[a], as `pushValue` takes it without `parseInt64`: a string
 * of at most 9 digits with an optional minus, or an integer number within int32.
 */
function scanIntValue(st: SpanStage, b: Uint8Array, i: number, end: number, a: number): number {
  if (b[i] === QUOTE) {
    let j = i + 1;
    let neg = false;
    if (j < end && b[j] === MINUS) {
      neg = true;
      j++;
    }
    const d0 = j;
    let n = 0;
    for (; j < end; j++) {
      const d = b[j]! - ZERO;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (j === d0 || j - d0 > 9 || b[j] !== QUOTE) return -1;
    st.attrNum[a] = neg ? -n : n;
    return j + 1;
  }
  i = scanNumber(b, i, end);
  const n = NUM[0]!;
  if (i < 0 || !(n >= -0x80000000 && n <= 0x7fffffff)) return -1;
  st.attrNum[a] = n;
  return i;
}

/**
 * One attribute at i (its `{`) in the compact shape (see `isKeyStart`) into slot `a`; returns after
 * its `}`, or -1 when it is not in that shape (then `readKeyValue` reads it).
 */
function readKeyValueCompact(st: SpanStage, b: Uint8Array, i: number, end: number, a: number): number {
  if (!isKeyStart(b, i, end)) return -1;
  const ks = i + 8;
  let j = scanString(b, ks, end);
  if (j < 0) return -1;
  const attrs = st.attrs;
  const at = a * ATTR_STRIDE;
  attrs[at] = ks;
  attrs[at + 1] = j - 1;
  attrs[at + 2] = REG[R_HASH]!;
  if (!isValueStart(b, j, end)) return -1;
  j += 11;
  if (isStringValue(b, j, end)) {
    const vs = j + 14;
    j = scanString(b, vs, end);
    if (j < 0) return -1;
    attrs[at + 3] = V_STRING;
    attrs[at + 4] = vs;
    attrs[at + 5] = j - 1;
    attrs[at + 6] = REG[R_HASH]!;
  } else if (lit(b, j, end, LIT_INT_VALUE)) {
    j = scanIntValue(st, b, j + LIT_INT_VALUE.length, end, a);
    if (j < 0) return -1;
    attrs[at + 3] = V_INT;
  } else if (lit(b, j, end, LIT_BOOL_VALUE)) {
    j = scanBool(b, j + LIT_BOOL_VALUE.length, end);
    if (j < 0) return -1;
    attrs[at + 3] = V_BOOL;
    st.attrNum[a] = REG[R_BOOL]!;
  } else return -1;
  return j + 1 < end && b[j] === CLOSE_OBJ && b[j + 1] === CLOSE_OBJ ? j + 2 : -1;
}

/** `{"stringValue": …}` (or bool, int, double) at i into attribute slot `a`. */
function readValue(st: SpanStage, b: Uint8Array, i: number, end: number, a: number): number {
  if (b[i] !== OPEN_OBJ) return -1;
  i = skipWs(b, i + 1, end);
  if (b[i] !== QUOTE) return -1;
  const ks = i + 1;
  i = scanKey(b, ks, end);
  if (i < 0) return -1;
  const kind = keyCode(VALUE_KEYS, b, ks, i - 1);
  if (kind <= 0) return -1;
  i = skipWs(b, i, end);
  if (b[i] !== COLON) return -1;
  i = skipWs(b, i + 1, end);
  const at = a * ATTR_STRIDE;
  if (kind === V_STRING) {
    if (b[i] !== QUOTE) return -1;
    const s = i + 1;
    i = scanString(b, s, end);
    if (i < 0) return -1;
    st.attrs[at + 4] = s;
    st.attrs[at + 5] = i - 1;
    st.attrs[at + 6] = REG[R_HASH]!;
  } else if (kind === V_BOOL) {
    i = scanBool(b, i, end);
    if (i < 0) return -1;
    st.attrNum[a] = REG[R_BOOL]!;
  } else if (kind === V_INT) {
    i = scanIntValue(st, b, i, end, a);
    if (i < 0) return -1;
  } else {
    const s = i;
    i = scanNumber(b, i, end);
    if (i < 0) return -1;
    st.attrNum[a] = Number(decodeBytes(b, s, i));
  }
  st.attrs[at + 3] = kind;
  i = skipWs(b, i, end);
  return b[i] === CLOSE_OBJ ? i + 1 : -1;
}

/** One attribute object at i (its `{`), keys in any order, into slot `a`; returns after its `}`. */
function readKeyValue(st: SpanStage, b: Uint8Array, i: number, end: number, a: number): number {
  let seen = 0;
  i = skipWs(b, i + 1, end);
  for (;;) {
    if (b[i] !== QUOTE) return -1;
    const ks = i + 1;
    i = scanKey(b, ks, end);
    if (i < 0) return -1;
    const key = keyCode(KV_KEYS, b, ks, i - 1);
    if (key < 0 || (seen & (1 << key)) !== 0) return -1;
    seen |= 1 << key;
    i = skipWs(b, i, end);
    if (b[i] !== COLON) return -1;
    i = skipWs(b, i + 1, end);
    if (key === KV_KEY) i = readString(b, i, end, st.attrs, a * ATTR_STRIDE);
    else i = readValue(st, b, i, end, a);
    if (i < 0) return -1;
    i = skipWs(b, i, end);
    const c = b[i];
    if (c === COMMA) {
      i = skipWs(b, i + 1, end);
      continue;
    }
    if (c !== CLOSE_OBJ) return -1;
    return seen === 3 ? i + 1 : -1;
  }
}

/** An attribute list at i (its `[`) into the next attribute slots; returns after the `]`. */
function readAttributes(st: SpanStage, b: Uint8Array, i: number, end: number): number {
  if (b[i] !== OPEN_ARR) return -1;
  i = skipWs(b, i + 1, end);
  if (b[i] === CLOSE_ARR) return i + 1;
  for (;;) {
    if (b[i] !== OPEN_OBJ) return -1;
    const a = st.attr();
    const j = readKeyValueCompact(st, b, i, end, a);
    i = j >= 0 ? j : readKeyValue(st, b, i, end, a);
    if (i < 0) return -1;
    i = skipWs(b, i, end);
    const c = b[i];
    if (c === COMMA) {
      i = skipWs(b, i + 1, end);
      continue;
    }
    return c === CLOSE_ARR ? i + 1 : -1;
  }
}

/** A string at i (its quote) whose start, end and hash go to out[at], out[at + 1], out[at + 2]. */
function readString(b: Uint8Array, i: number, end: number, out: Int32Array, at: number): number {
  if (b[i] !== QUOTE) return -1;
  const s = i + 1;
  i = scanString(b, s, end);
  if (i < 0) return -1;
  out[at] = s;
  out[at + 1] = i - 1;
  out[at + 2] = REG[R_HASH]!;
  return i;
}

function readEvents(st: SpanStage, b: Uint8Array, i: number, end: number): number {
  if (b[i] !== OPEN_ARR) return -1;
  i = skipWs(b, i + 1, end);
  if (b[i] === CLOSE_ARR) return i + 1;
  for (;;) {
    if (b[i] !== OPEN_OBJ) return -1;
    const e = st.event();
    const at = e * EVENT_STRIDE;
    const au = e * EVENT_U_STRIDE;
    st.events.fill(0, at, at + EVENT_STRIDE);
    st.eventsU.fill(0, au, au + EVENT_U_STRIDE);
    let seen = 0;
    i = skipWs(b, i + 1, end);
    if (b[i] === CLOSE_OBJ) i++;
    else
      for (;;) {
        if (b[i] !== QUOTE) return -1;
        const ks = i + 1;
        i = scanKey(b, ks, end);
        if (i < 0) return -1;
        const key = keyCode(EVENT_KEYS, b, ks, i - 1);
        if (key < 0 || (seen & (1 << key)) !== 0) return -1;
        seen |= 1 << key;
        i = skipWs(b, i, end);
        if (b[i] !== COLON) return -1;
        i = skipWs(b, i + 1, end);
        if (key === E_TIME) {
          i = scanTime(b, i, end);
          st.eventsU[au] = HALVES[0]!;
          st.eventsU[au + 1] = HALVES[1]!;
        } else if (key === E_NAME) i = readString(b, i, end, st.events, at);
        else if (key === E_ATTRIBUTES) {
          const from = st.attrCount;
          i = readAttributes(st, b, i, end);
          st.events[at + 3] = from;
          st.events[at + 4] = st.attrCount;
        } else {
          i = scanInt(b, i, end, 0xffffffff);
          st.eventsU[au + 2] = NUM[0]!;
        }
        if (i < 0) return -1;
        i = skipWs(b, i, end);
        const c = b[i];
        if (c === COMMA) {
          i = skipWs(b, i + 1, end);
          continue;
        }
        if (c !== CLOSE_OBJ) return -1;
        i++;
        break;
      }
    i = skipWs(b, i, end);
    const c = b[i];
    if (c === COMMA) {
      i = skipWs(b, i + 1, end);
      continue;
    }
    return c === CLOSE_ARR ? i + 1 : -1;
  }
}

function readLinks(st: SpanStage, b: Uint8Array, i: number, end: number): number {
  if (b[i] !== OPEN_ARR) return -1;
  i = skipWs(b, i + 1, end);
  if (b[i] === CLOSE_ARR) return i + 1;
  for (;;) {
    if (b[i] !== OPEN_OBJ) return -1;
    const l = st.link();
    const at = l * LINK_STRIDE;
    const au = l * LINK_U_STRIDE;
    st.links.fill(0, at, at + LINK_STRIDE);
    st.linksU.fill(0, au, au + LINK_U_STRIDE);
    let seen = 0;
    i = skipWs(b, i + 1, end);
    // both ids are required: an empty link is the other path's to report
    for (;;) {
      if (b[i] !== QUOTE) return -1;
      const ks = i + 1;
      i = scanKey(b, ks, end);
      if (i < 0) return -1;
      const key = keyCode(LINK_KEYS, b, ks, i - 1);
      if (key < 0 || (seen & (1 << key)) !== 0) return -1;
      seen |= 1 << key;
      i = skipWs(b, i, end);
      if (b[i] !== COLON) return -1;
      i = skipWs(b, i + 1, end);
      if (key === L_TRACE_ID || key === L_SPAN_ID) {
        i = key === L_TRACE_ID ? scanId(b, i, end, 4, st.linksU, au, false) : scanId(b, i, end, 2, st.linksU, au + 4, false);
        if (REG[R_ID_ANY] === 0) return -1;
      } else if (key === L_TRACE_STATE) i = readString(b, i, end, st.links, at);
      else if (key === L_FLAGS) {
        i = scanInt(b, i, end, 0xffffffff);
        st.linksU[au + 6] = NUM[0]!;
      } else if (key === L_ATTRIBUTES) {
        const from = st.attrCount;
        i = readAttributes(st, b, i, end);
        st.links[at + 3] = from;
        st.links[at + 4] = st.attrCount;
      } else {
        i = scanInt(b, i, end, 0xffffffff);
        st.linksU[au + 7] = NUM[0]!;
      }
      if (i < 0) return -1;
      i = skipWs(b, i, end);
      const c = b[i];
      if (c === COMMA) {
        i = skipWs(b, i + 1, end);
        continue;
      }
      if (c !== CLOSE_OBJ) return -1;
      i++;
      break;
    }
    if ((seen & 3) !== 3) return -1;
    i = skipWs(b, i, end);
    const c = b[i];
    if (c === COMMA) {
      i = skipWs(b, i + 1, end);
      continue;
    }
    return c === CLOSE_ARR ? i + 1 : -1;
  }
}

function readStatus(sp: Int32Array, at: number, b: Uint8Array, i: number, end: number): number {
  if (b[i] !== OPEN_OBJ) return -1;
  sp[at + P_STATUS] = 0;
  sp[at + P_MESSAGE] = sp[at + P_MESSAGE + 1] = 0;
  i = skipWs(b, i + 1, end);
  if (b[i] === CLOSE_OBJ) return i + 1;
  let seen = 0;
  for (;;) {
    if (b[i] !== QUOTE) return -1;
    const ks = i + 1;
    i = scanKey(b, ks, end);
    if (i < 0) return -1;
    const key = keyCode(STATUS_KEYS, b, ks, i - 1);
    if (key < 0 || (seen & (1 << key)) !== 0) return -1;
    seen |= 1 << key;
    i = skipWs(b, i, end);
    if (b[i] !== COLON) return -1;
    i = skipWs(b, i + 1, end);
    if (key === ST_CODE) {
      i = scanInt(b, i, end, 2);
      sp[at + P_STATUS] = NUM[0]!;
    } else i = readString(b, i, end, sp, at + P_MESSAGE);
    if (i < 0) return -1;
    i = skipWs(b, i, end);
    const c = b[i];
    if (c === COMMA) {
      i = skipWs(b, i + 1, end);
      continue;
    }
    return c === CLOSE_OBJ ? i + 1 : -1;
  }
}

/** By the code of a span's previous key + 1 (0: none yet): the key that came next last time, or -1. */
const NEXT_SPAN_KEY = new Int8Array(17).fill(-1);

/** The span at b[i] (its `{`) into stage slot `slot`; returns after its `}`, or -1. */
function parseSpan(st: SpanStage, slot: number, b: Uint8Array, i: number, end: number): number {
  if (b[i] !== OPEN_OBJ) return -1;
  const sp = st.spans;
  const su = st.spansU;
  const at = slot * SPAN_STRIDE;
  const au = slot * SPAN_U_STRIDE;
  i = skipWs(b, i + 1, end);
  let seen = 0;
  let prev = -1;
  for (;;) {
    if (b[i] !== QUOTE) return -1;
    // spans of one file list their keys in one order: try the key that followed the last one
    let key = NEXT_SPAN_KEY[prev + 1]!;
    if (key >= 0) {
      const name = SPAN_KEYS.names[key]!;
      const len = name.length;
      let k = 0;
      if (i + len + 1 < end && b[i + len + 1] === QUOTE) while (k < len && b[i + 1 + k] === name[k]) k++;
      if (k === len) i += len + 2;
      else key = -1;
    }
    if (key < 0) {
      const ks = i + 1;
      i = scanKey(b, ks, end);
      if (i < 0) return -1;
      key = keyCode(SPAN_KEYS, b, ks, i - 1);
      if (key < 0) return -1;
      NEXT_SPAN_KEY[prev + 1] = key;
    }
    if ((seen & (1 << key)) !== 0) return -1;
    seen |= 1 << key;
    prev = key;
    i = skipWs(b, i, end);
    if (b[i] !== COLON) return -1;
    i = skipWs(b, i + 1, end);
    switch (key) {
      case S_TRACE_ID:
        i = scanId(b, i, end, 4, su, au + U_TRACE_ID, false);
        if (REG[R_ID_ANY] === 0) return -1;
        break;
      case S_SPAN_ID:
        i = scanId(b, i, end, 2, su, au + U_SPAN_ID, false);
        if (REG[R_ID_ANY] === 0) return -1;
        break;
      case S_PARENT:
        // all zeros or empty: no parent (zero words)
        su[au + U_PARENT] = su[au + U_PARENT + 1] = 0;
        i = scanId(b, i, end, 2, su, au + U_PARENT, true);
        break;
      case S_TRACE_STATE:
        i = readString(b, i, end, sp, at + P_TRACE_STATE);
        break;
      case S_FLAGS:
        i = scanInt(b, i, end, 0xffffffff);
        su[au + U_FLAGS] = NUM[0]!;
        break;
      case S_NAME:
        i = readString(b, i, end, sp, at + P_NAME);
        break;
      case S_KIND:
        i = scanInt(b, i, end, 5);
        sp[at + P_KIND] = NUM[0]!;
        break;
      case S_START:
        i = scanTime(b, i, end);
        su[au + U_START] = HALVES[0]!;
        su[au + U_START + 1] = HALVES[1]!;
        break;
      case S_END:
        i = scanTime(b, i, end);
        su[au + U_END] = HALVES[0]!;
        su[au + U_END + 1] = HALVES[1]!;
        break;
      case S_ATTRIBUTES: {
        const from = st.attrCount;
        i = readAttributes(st, b, i, end);
        sp[at + P_ATTR_FROM] = from;
        sp[at + P_ATTR_TO] = st.attrCount;
        break;
      }
      case S_DROPPED_ATTRIBUTES:
        i = scanInt(b, i, end, 0xffffffff);
        su[au + U_DROPPED_ATTRIBUTES] = NUM[0]!;
        break;
      case S_EVENTS: {
        const from = st.eventCount;
        i = readEvents(st, b, i, end);
        sp[at + P_EVENT_FROM] = from;
        sp[at + P_EVENT_TO] = st.eventCount;
        break;
      }
      case S_DROPPED_EVENTS:
        i = scanInt(b, i, end, 0xffffffff);
        su[au + U_DROPPED_EVENTS] = NUM[0]!;
        break;
      case S_LINKS: {
        const from = st.linkCount;
        i = readLinks(st, b, i, end);
        sp[at + P_LINK_FROM] = from;
        sp[at + P_LINK_TO] = st.linkCount;
        break;
      }
      case S_DROPPED_LINKS:
        i = scanInt(b, i, end, 0xffffffff);
        su[au + U_DROPPED_LINKS] = NUM[0]!;
        break;
      default:
        i = readStatus(sp, at, b, i, end);
        break;
    }
    if (i < 0) return -1;
    i = skipWs(b, i, end);
    const c = b[i];
    if (c === COMMA) {
      i = skipWs(b, i + 1, end);
      continue;
    }
    if (c !== CLOSE_OBJ) return -1;
    // the ids `writeSpan` requires
    if ((seen & 3) !== 3) return -1;
    if (seen !== ALL_SPAN_KEYS) absentFields(sp, at, su, au, seen);
    return i + 1;
  }
}

const ALL_SPAN_KEYS = (1 << 16) - 1;

/** The fields of keys the span does not have, as `writeSpan` reads an absent field. */
function absentFields(sp: Int32Array, at: number, su: Uint32Array, au: number, seen: number): void {
  const has = (key: number) => (seen & (1 << key)) !== 0;
  if (!has(S_PARENT)) su[au + U_PARENT] = su[au + U_PARENT + 1] = 0;
  if (!has(S_TRACE_STATE)) sp[at + P_TRACE_STATE] = sp[at + P_TRACE_STATE + 1] = 0;
  if (!has(S_FLAGS)) su[au + U_FLAGS] = 0;
  if (!has(S_NAME)) sp[at + P_NAME] = sp[at + P_NAME + 1] = 0;
  if (!has(S_KIND)) sp[at + P_KIND] = 0;
  if (!has(S_START)) su[au + U_START] = su[au + U_START + 1] = 0;
  if (!has(S_END)) su[au + U_END] = su[au + U_END + 1] = 0;
  if (!has(S_ATTRIBUTES)) sp[at + P_ATTR_FROM] = sp[at + P_ATTR_TO] = 0;
  if (!has(S_DROPPED_ATTRIBUTES)) su[au + U_DROPPED_ATTRIBUTES] = 0;
  if (!has(S_EVENTS)) sp[at + P_EVENT_FROM] = sp[at + P_EVENT_TO] = 0;
  if (!has(S_DROPPED_EVENTS)) su[au + U_DROPPED_EVENTS] = 0;
  if (!has(S_LINKS)) sp[at + P_LINK_FROM] = sp[at + P_LINK_TO] = 0;
  if (!has(S_DROPPED_LINKS)) su[au + U_DROPPED_LINKS] = 0;
  if (!has(S_STATUS)) {
    sp[at + P_STATUS] = 0;
    sp[at + P_MESSAGE] = sp[at + P_MESSAGE + 1] = 0;
  }
}

/** Attribute slots [from, to) into `cols`, as `writeAttributes` stores them; false on a repeated key. */
function writeAttributes(st: SpanStage, interner: ByteInterner, b: Uint8Array, base: number, cols: AttributeColumns, from: number, to: number): boolean {
  const start = cols.count;
  const attrs = st.attrs;
  for (let a = from; a < to; a++) {
    const at = a * ATTR_STRIDE;
    const keyId = interner.intern(b, attrs[at]! + base, attrs[at + 1]! + base, attrs[at + 2]!);
    const type = attrs[at + 3];
    if (type === V_STRING) pushStringAttribute(cols, keyId, interner.intern(b, attrs[at + 4]! + base, attrs[at + 5]! + base, attrs[at + 6]!));
    else if (type === V_BOOL) pushBoolAttribute(cols, keyId, st.attrNum[a] === 1);
    else if (type === V_INT) pushIntAttribute(cols, keyId, st.attrNum[a]!);
    else pushDoubleAttribute(cols, keyId, st.attrNum[a]!);
  }
  // a repeated key keeps its first position and last value there: the other path's job
  const keys = cols.keys;
  for (let x = start + 1; x < cols.count; x++) {
    const k = keys[x]!;
    for (let y = start; y < x; y++) if (keys[y] === k) return false;
  }
  return true;
}

/** Slot `slot` into `row` (reserved, still zero) of scope `scope`; b holds its element's bytes. */
function commitSpan(st: SpanStage, interner: ByteInterner, store: SpanStore, b: Uint8Array, slot: number, row: number, scope: number): boolean {
  const sp = st.spans;
  const su = st.spansU;
  const at = slot * SPAN_STRIDE;
  const au = slot * SPAN_U_STRIDE;
  const base = sp[at + P_BASE]!;
  // written in `writeSpan`'s order
  store.startHi[row] = su[au + U_START]!;
  store.startLo[row] = su[au + U_START + 1]!;
  store.endHi[row] = su[au + U_END]!;
  store.endLo[row] = su[au + U_END + 1]!;
  const p = row * 2;
  store.parentIds[p] = su[au + U_PARENT]!;
  store.parentIds[p + 1] = su[au + U_PARENT + 1]!;
  const t = row * 4;
  const traceIds = store.traceIds;
  traceIds[t] = su[au + U_TRACE_ID]!;
  traceIds[t + 1] = su[au + U_TRACE_ID + 1]!;
  traceIds[t + 2] = su[au + U_TRACE_ID + 2]!;
  traceIds[t + 3] = su[au + U_TRACE_ID + 3]!;
  store.spanIds[p] = su[au + U_SPAN_ID]!;
  store.spanIds[p + 1] = su[au + U_SPAN_ID + 1]!;
  const flags = su[au + U_FLAGS]!;
  store.kinds[row] = sp[at + P_KIND]!;
  store.flags[row] = flags & 0xffff;
  store.names[row] = interner.intern(b, sp[at + P_NAME]! + base, sp[at + P_NAME + 1]! + base, sp[at + P_NAME + 2]!);
  store.scopeOf[row] = scope;
  const attrFrom = sp[at + P_ATTR_FROM]!;
  const attrTo = sp[at + P_ATTR_TO]!;
  if (attrTo > attrFrom && !writeAttributes(st, interner, b, base, store.spanAttrs, attrFrom, attrTo)) return false;
  const events = store.events;
  for (let e = sp[at + P_EVENT_FROM]!, n = sp[at + P_EVENT_TO]!; e < n; e++) {
    const ea = e * EVENT_STRIDE;
    const eu = e * EVENT_U_STRIDE;
    const ev = st.events;
    const i = pushEvent(events, row, st.eventsU[eu]!, st.eventsU[eu + 1]!, interner.intern(b, ev[ea]! + base, ev[ea + 1]! + base, ev[ea + 2]!));
    if (ev[ea + 4]! > ev[ea + 3]! && !writeAttributes(st, interner, b, base, events.attrs, ev[ea + 3]!, ev[ea + 4]!)) return false;
    if (st.eventsU[eu + 2]) events.dropped.set(i, st.eventsU[eu + 2]!);
  }
  const links = store.links;
  for (let l = sp[at + P_LINK_FROM]!, n = sp[at + P_LINK_TO]!; l < n; l++) {
    const la = l * LINK_STRIDE;
    const lu = l * LINK_U_STRIDE;
    const ln = st.links;
    const lnU = st.linksU;
    const i = pushLink(links, row, interner.intern(b, ln[la]! + base, ln[la + 1]! + base, ln[la + 2]!), lnU[lu + 6]!);
    for (let w = 0; w < 4; w++) links.traceIds[i * 4 + w] = lnU[lu + w]!;
    links.spanIds[i * 2] = lnU[lu + 4]!;
    links.spanIds[i * 2 + 1] = lnU[lu + 5]!;
    if (ln[la + 4]! > ln[la + 3]! && !writeAttributes(st, interner, b, base, links.attrs, ln[la + 3]!, ln[la + 4]!)) return false;
    if (lnU[lu + 7]) links.dropped.set(i, lnU[lu + 7]!);
  }
  store.statuses[row] = sp[at + P_STATUS]!;
  const traceState = sp[at + P_TRACE_STATE + 1]! > sp[at + P_TRACE_STATE]!;
  const message = sp[at + P_MESSAGE + 1]! > sp[at + P_MESSAGE]!;
  const droppedAttributes = su[au + U_DROPPED_ATTRIBUTES]!;
  const droppedEvents = su[au + U_DROPPED_EVENTS]!;
  const droppedLinks = su[au + U_DROPPED_LINKS]!;
  const flagsHigh = flags >>> 16;
  if (traceState || message || droppedAttributes || droppedEvents || droppedLinks || flagsHigh) {
    const e: SpanExtras = {};
    if (traceState) e.traceState = decodeBytes(b, sp[at + P_TRACE_STATE]! + base, sp[at + P_TRACE_STATE + 1]! + base);
    if (message) e.statusMessage = decodeBytes(b, sp[at + P_MESSAGE]! + base, sp[at + P_MESSAGE + 1]! + base);
    if (droppedAttributes) e.droppedAttributesCount = droppedAttributes;
    if (droppedEvents) e.droppedEventsCount = droppedEvents;
    if (droppedLinks) e.droppedLinksCount = droppedLinks;
    if (flagsHigh) e.flagsHigh = flagsHigh;
    store.extras.set(row, e);
  }
  return true;
}

/** Spans in a row `stage` did not take, after which it stops trying until `clear`. */
const STAGE_MISSES = 8;

/** Reads spans from bytes into one store; see the module comment. */
export interface SpanBytesReader {
  /**
   * Parses the span at b[i] (its `{`; the bytes before `end` only) ahead of its commit, for
   * the element `element` (any number naming it; another clears what was staged for the last
   * one); `base` added to an index in b gives its offset in the element. Returns the index
   * after the span's `}`, or -1 when this reader does not take it (nothing staged), as also
   * when `noNewline` and a newline is in it.
   */
  stage(b: Uint8Array, i: number, end: number, base: number, element: number, noNewline: boolean): number;
  /** The stage slot of the span starting at offset `start` of the element, or -1; slots before it are passed over. */
  take(start: number): number;
  /**
   * Writes a staged span (`slot`) or else the span elementBytes[start, end) (from its `{` to
   * just after its `}`) into `row` (reserved, still zero) of scope `scope`. True when it was
   * written; false when this reader does not take it: the row's columns may then be set and
   * attributes, events, links or strings appended, so the caller must roll the store back to
   * before the row.
   */
  read(elementBytes: Uint8Array, start: number, end: number, slot: number, row: number, scope: number): boolean;
  /** Forgets what was staged. */
  clear(): void;
}

/**
 * A stage no reader holds: taken by the next that needs one, its arrays already grown (fresh
 * large typed arrays cost Chromium about a third of the `JSON.parse` floor per ingest). Kept
 * only up to SPARE_STAGE_MAX bytes, so an idle worker holds at most that much of it.
 */
let spareStage: SpanStage | null = null;
const SPARE_STAGE_MAX = 16 << 20;

/** A reader appending to `store`. */
export function createSpanBytesReader(store: SpanStore): SpanBytesReader {
  const interner = new ByteInterner(store.strings);
  // a stage is held from the first span of an element to `clear`, so readers of several stores
  // (or of one store, one after another) share the scratch without seeing each other's spans
  let held: SpanStage | null = null;
  let element = NaN;
  let misses = 0;

  function hold(): SpanStage {
    if (held) return held;
    held = spareStage ?? new SpanStage();
    spareStage = null;
    held.clear();
    return held;
  }

  function clear(): void {
    element = NaN;
    misses = 0;
    if (!held) return;
    held.clear();
    if (held.bytes() <= SPARE_STAGE_MAX && (!spareStage || spareStage.spans.length < held.spans.length)) spareStage = held;
    held = null;
  }

  /** Parses into a fresh slot of `st`; keeps it (and returns after the `}`) or drops it (-1). */
  function parseInto(st: SpanStage, b: Uint8Array, i: number, end: number, base: number): number {
    const attrs = st.attrCount;
    const events = st.eventCount;
    const links = st.linkCount;
    const slot = st.open();
    const j = parseSpan(st, slot, b, i, end);
    if (j < 0) {
      st.attrCount = attrs;
      st.eventCount = events;
      st.linkCount = links;
      return -1;
    }
    st.spans[slot * SPAN_STRIDE + P_BASE] = base;
    st.spans[slot * SPAN_STRIDE + P_START] = i + base;
    st.count = slot + 1;
    return j;
  }

  return {
    stage(b, i, end, base, el, noNewline) {
      if (el !== element) {
        clear();
        element = el;
      }
      if (misses >= STAGE_MISSES) return -1;
      const st = hold();
      REG[R_NEWLINE] = 0;
      let j = parseInto(st, b, i, end, base);
      if (j >= 0 && noNewline && REG[R_NEWLINE] === 1) {
        st.count--;
        j = -1;
      }
      misses = j < 0 ? misses + 1 : 0;
      return j;
    },
    take(start) {
      const st = held;
      if (!st) return -1;
      while (st.cursor < st.count && st.spans[st.cursor * SPAN_STRIDE + P_START]! < start) st.cursor++;
      return st.cursor < st.count && st.spans[st.cursor * SPAN_STRIDE + P_START] === start ? st.cursor++ : -1;
    },
    read(b, start, end, slot, row, scope) {
      const st = hold();
      if (slot >= 0) return commitSpan(st, interner, store, b, slot, row, scope);
      // parsed now, in a slot after the staged ones, dropped again once written
      const count = st.count;
      const attrs = st.attrCount;
      const events = st.eventCount;
      const links = st.linkCount;
      const ok = parseInto(st, b, start, end, 0) === end && commitSpan(st, interner, store, b, count, row, scope);
      st.count = count;
      st.attrCount = attrs;
      st.eventCount = events;
      st.linkCount = links;
      return ok;
    },
    clear,
  };
}
