/**
 * JSURL2 (wmertens/jsurl2, MIT), the escaping format OTelBin keeps its URL state in
 * (`#config=<jsurl2>`; peers.md "Sharing"). Ported from `src/index.ts` of that repository so
 * that we read exactly what OTelBin writes; it is not compression, only URL-safe escaping.
 *
 * The grammar, as the reference decoder reads it:
 * - a value ends at `~` (consumed) or `)` (left for the enclosing object/array);
 * - `(` starts an object of `key~value~` pairs up to `)`; a key followed directly by `)` is `true`;
 * - `!` starts an array of values, ended by `~` or `)`;
 * - `_T` `_F` `_N` `_U` `_n` `_I` `_J` are true, false, null, undefined, NaN, Infinity,
 *   -Infinity; `_D<iso>` is a date (returned here as its ISO text);
 * - `*` starts a string explicitly; a value starting with a letter is a string; one starting with
 *   a digit or `-` is a number; a lone `~` is `true`;
 * - inside strings `_` is a space and `*X` an escaped character (`*N` newline, `*_` underscore,
 *   `**` star, `*-` tilde, `*"` quote, `*C`/`*D` parentheses, `*.` percent, ...);
 * - a top-level text starting with `{`, `[`, `"` or equal to `true`/`false`/`null` is JSON.
 */

const FROM_ESCAPE: Readonly<Record<string, string>> = {
  '*': '*',
  _: '_',
  '-': '~',
  S: '$',
  P: '+',
  '"': "'",
  C: '(',
  D: ')',
  L: '<',
  G: '>',
  '.': '%',
  Q: '?',
  H: '#',
  A: '&',
  E: '=',
  B: '\\',
  N: '\n',
  R: '\r',
  U: '\u2028',
  V: '\u2029',
  Z: '\0',
};

const TO_ESCAPE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(FROM_ESCAPE).map(([code, char]) => [char, code]));

const DICT: Readonly<Record<string, unknown>> = { T: true, F: false, N: null, U: undefined, n: NaN, I: Infinity, J: -Infinity };

const STRING_START = /^[a-zA-Z]/;
const NUMBER_START = /^[\d-]/;
const JSON_START = /^({|\[|"|true$|false$|null$)/;
// First half: the format's own characters; second half: URI and script characters.
const NEEDS_ESCAPE = /([*_~$+'() <>%?#&=\\\n\r\0\u2028\u2029])/g;
const ESCAPE_SEQUENCE = /(_|\*.)/g; // no `s` flag: like the reference, `*` before a raw newline is no escape
/** Nesting beyond this is refused instead of recursing towards the stack limit. */
const MAX_DEPTH = 200;

class Jsurl2Error extends Error {}

function unescape(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, (sequence) => {
    if (sequence === '_') return ' ';
    const decoded = FROM_ESCAPE[sequence.charAt(1)];
    if (decoded === undefined) throw new Jsurl2Error(`illegal escape code ${JSON.stringify(sequence)}`);
    return decoded;
  });
}

function escape(text: string): string {
  return text.replace(NEEDS_ESCAPE, (char) => (char === ' ' ? '_' : `*${TO_ESCAPE[char] ?? ''}`));
}

interface Reader {
  readonly input: string;
  index: number;
}

/** Reads up to `~` (consumed) or `)` (not consumed). */
function eat(reader: Reader): string {
  let end = reader.index;
  while (end < reader.input.length) {
    const c = reader.input.charAt(end);
    if (c === '~' || c === ')') break;
    end++;
  }
  const word = reader.input.slice(reader.index, end);
  if (reader.input.charAt(end) === '~') end++;
  reader.index = end;
  return word;
}

const END = Symbol('end of input');

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // A defined property, not an assignment: "__proto__" from a link stays an ordinary key.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function decodeValue(reader: Reader, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new Jsurl2Error(`nesting deeper than ${MAX_DEPTH} levels`);
  const c = reader.input.charAt(reader.index);
  if (!c) return END;
  if (c === '(') {
    reader.index++;
    const out: Record<string, unknown> = {};
    let next = reader.input.charAt(reader.index);
    while (next && next !== ')') {
      const key = unescape(eat(reader));
      next = reader.input.charAt(reader.index);
      const value = next && next !== ')' ? decodeValue(reader, depth + 1) : true;
      setOwn(out, key, value === END ? true : value);
      next = reader.input.charAt(reader.index);
    }
    if (next === ')') reader.index++;
    return out;
  }
  if (c === '!') {
    reader.index++;
    const out: unknown[] = [];
    let next = reader.input.charAt(reader.index);
    while (next && next !== '~' && next !== ')') {
      const value = decodeValue(reader, depth + 1);
      if (value !== END) out.push(value);
      next = reader.input.charAt(reader.index);
    }
    if (next === '~') reader.index++;
    return out;
  }
  if (c === '_') {
    reader.index++;
    const word = unescape(eat(reader));
    if (word.charAt(0) === 'D') {
      const date = new Date(word.slice(1));
      if (Number.isNaN(date.getTime())) throw new Jsurl2Error(`invalid date ${JSON.stringify(word.slice(1))}`);
      return date.toISOString();
    }
    if (Object.hasOwn(DICT, word)) return DICT[word];
    throw new Jsurl2Error(`unknown dictionary reference ${JSON.stringify(word)}`);
  }
  if (c === '*') {
    reader.index++;
    return unescape(eat(reader));
  }
  if (c === '~') {
    reader.index++;
    return true;
  }
  if (NUMBER_START.test(c)) {
    const word = eat(reader);
    const number = Number(word);
    if (Number.isNaN(number)) throw new Jsurl2Error(`not a number: ${JSON.stringify(word.slice(0, 20))}`);
    return number;
  }
  if (STRING_START.test(c)) return unescape(eat(reader));
  throw new Jsurl2Error(`cannot decode ${JSON.stringify(reader.input.slice(reader.index, reader.index + 10))}`);
}

export type Jsurl2Result = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Parses JSURL2 text (already URL-decoded) the way `jsurl2`'s `parse` does, JSON included.
 * Never throws: malformed input is `{ ok: false, message }`.
 */
export function decodeJsurl2(encoded: string): Jsurl2Result {
  try {
    if (JSON_START.test(encoded)) return { ok: true, value: JSON.parse(encoded) as unknown };
    const value = decodeValue({ input: encoded, index: 0 }, 0);
    return { ok: true, value: value === END ? true : value };
  } catch (error) {
    const reason = error instanceof Jsurl2Error ? error.message : 'malformed JSON';
    return { ok: false, message: `not valid JSURL2 (${reason})` };
  }
}

function encodeValue(value: unknown, out: string[], depth: number): void {
  if (typeof value === 'number') {
    out.push(Number.isFinite(value) ? value.toString() : '_N');
  } else if (typeof value === 'boolean') {
    out.push(value ? '' : '_F');
  } else if (typeof value === 'string') {
    const escaped = escape(value);
    out.push(STRING_START.test(escaped) ? escaped : `*${escaped}`);
  } else if (value === null) {
    out.push('_N');
  } else if (Array.isArray(value)) {
    out.push('!');
    // Only arrays spell true out in full: an empty item would end the array.
    for (const item of value) {
      if (item === true) out.push('_T');
      else encodeValue(item, out, depth + 1);
    }
    out.push('');
  } else if (typeof value === 'object') {
    out.push('(');
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item === undefined || typeof item === 'function') continue;
      out.push(escape(key));
      encodeValue(item, out, depth + 1);
    }
    while (out[out.length - 1] === '') out.pop();
    out.push(')');
  } else {
    out.push(depth === 0 ? '_U' : '_N');
  }
}

/**
 * Encodes a JSON value as JSURL2 exactly as `jsurl2`'s `stringify` does without options
 * (trailing `~` included), so OTelBin reads it back.
 */
export function encodeJsurl2(value: unknown): string {
  const out: string[] = [];
  encodeValue(value, out, 0);
  let last = out.length - 1;
  while (last >= 0 && out[last] === '') last--;
  let text = '';
  let separate = false;
  for (let i = 0; i <= last; i++) {
    const part = out[i] ?? '';
    if (separate && part !== ')') text += '~';
    text += part;
    separate = !(part === '!' || part === '(' || part === ')');
  }
  return `${text}~`;
}
