/**
 * OTTL lexer (processors-spec §1.1). Token patterns are tried in the Collector's order at each
 * position (first match wins, whitespace skipped). Adjacent Uppercase/Lowercase runs, which the
 * Go lexer emits separately and the grammar glues back together (`IsMatch`, `UUIDv7`), are one
 * `ident` token here; keywords (`and`, `or`, `not`, `true`, `false`) are whole words.
 */

export type TokenType =
  | 'bytes'
  | 'float'
  | 'int'
  | 'string'
  | 'not'
  | 'or'
  | 'and'
  | 'cmp'
  | 'addsub'
  | 'multdiv'
  | 'bool'
  | 'equal'
  | 'punct'
  | 'ident'
  | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Source text (for `string`: the unquoted value). */
  readonly text: string;
  /** 0-based offset of the first character. */
  readonly start: number;
}

/** A lexing or parsing failure at a 1-based column of the text. */
export interface OttlSyntaxError {
  readonly message: string;
  readonly column: number;
}

const PATTERNS: readonly [TokenType, RegExp][] = [
  ['bytes', /0x[a-fA-F0-9]+/y],
  ['float', /[-+]?\d*\.\d+(?:[eE][-+]?\d+)?/y],
  ['int', /[-+]?\d+/y],
  ['string', /"(?:\\.|[^\\"])*"/y],
  ['cmp', /==|!=|>=|<=|>|</y],
  ['addsub', /[+-]/y],
  ['multdiv', /[/*]/y],
  ['equal', /=/y],
  ['punct', /[(){}:,.[\]]/y],
  ['ident', /[A-Za-z][A-Za-z0-9_]*/y],
];

const KEYWORDS: Record<string, TokenType> = { not: 'not', or: 'or', and: 'and', true: 'bool', false: 'bool' };

/** Split OTTL text into tokens, ending with an `eof` token. */
export function tokenize(text: string): Token[] | OttlSyntaxError {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos] ?? '';
    if (/\s/.test(ch)) {
      pos++;
      continue;
    }
    let matched = false;
    for (const [type, re] of PATTERNS) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m) continue;
      const raw = m[0];
      if (type === 'string') {
        const value = unquoteGo(raw);
        if (typeof value !== 'string') return { message: value.message, column: pos + 1 };
        tokens.push({ type, text: value, start: pos });
      } else if (type === 'ident') {
        tokens.push({ type: KEYWORDS[raw] ?? 'ident', text: raw, start: pos });
      } else {
        tokens.push({ type, text: raw, start: pos });
      }
      pos += raw.length;
      matched = true;
      break;
    }
    if (!matched) {
      if (ch === '"') return { message: 'unterminated string literal', column: pos + 1 };
      return { message: `invalid input text "${text.slice(pos, pos + 10)}"`, column: pos + 1 };
    }
  }
  tokens.push({ type: 'eof', text: '', start: text.length });
  return tokens;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** Go `strconv.Unquote` for a double-quoted literal. */
function unquoteGo(raw: string): string | { message: string } {
  const body = raw.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen > 0) {
      const hex = body.slice(i + 2, i + 2 + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) return { message: `invalid escape in string ${raw}` };
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 1 + hexLen;
      continue;
    }
    if (/[0-7]/.test(e)) {
      const oct = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct)) return { message: `invalid escape in string ${raw}` };
      out += String.fromCharCode(parseInt(oct, 8));
      i += 3;
      continue;
    }
    return { message: `invalid escape \\${e} in string ${raw}` };
  }
  return out;
}
