/**
 * Text forms of values exactly as Go prints them: pdata `Value.AsString()` (ES6 number form, JSON
 * for maps and slices, base64 for bytes), `encoding/json` strings (HTML-escaping like Go's
 * default), and `strconv.FormatFloat(f, 'f', -1, 64)`.
 */
import type { AnyValue, Attributes } from '../telemetry/pdata';

/** `strconv.FormatFloat(f, 'f', -1, 64)`: shortest digits, never an exponent. */
export function formatFloatF(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  const s = String(f);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', expText] = m;
  const digits = (lead ?? '') + frac;
  const exp = Number(expText);
  const point = 1 + exp; // position of the decimal point within digits
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** pdata `float64AsString`: ES6 number-to-string (JS `String` matches Go's cut-offs and form). */
export function formatFloatJson(f: number): string {
  if (!Number.isFinite(f)) return `json: unsupported value: ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`;
  return String(f);
}

/** A JSON string literal as Go's `encoding/json` writes it (HTML characters escaped). */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (Go `base64.StdEncoding`). */
export function base64Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63];
    out += B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

/** JSON of a pdata value's `AsRaw()` (map keys sorted, as Go's encoder sorts map keys). */
export function anyValueJson(v: AnyValue): string {
  switch (v.kind) {
    case 'string':
      return goJsonString(v.value);
    case 'int':
      return v.value.toString();
    case 'double':
      return formatFloatJson(v.value);
    case 'bool':
      return String(v.value);
    case 'bytes':
      return goJsonString(base64Encode(v.value));
    case 'empty':
      return 'null';
    case 'array':
      return `[${v.values.map(anyValueJson).join(',')}]`;
    case 'kvlist':
      return attributesJson(v.values);
  }
}

/** JSON object of an attribute map, keys sorted. */
export function attributesJson(m: Attributes): string {
  const keys = [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${goJsonString(k)}:${anyValueJson(m.get(k) ?? { kind: 'empty' })}`).join(',')}}`;
}

/** pdata `Value.AsString()`. */
export function anyValueAsString(v: AnyValue): string {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'int':
      return v.value.toString();
    case 'double':
      return formatFloatJson(v.value);
    case 'bool':
      return String(v.value);
    case 'bytes':
      return base64Encode(v.value);
    case 'empty':
      return '';
    case 'array':
    case 'kvlist':
      return anyValueJson(v);
  }
}
