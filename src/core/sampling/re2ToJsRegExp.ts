import { SamplingConfigError } from './samplingConfigError';

/**
 * Translates a Go RE2 pattern into an equivalent JavaScript `RegExp` (flag `u`), for the
 * `string_attribute` policy's regex mode (sampling-spec §2.4.5). Syntax RE2 rejects (look-around,
 * back-references, `\Z`, `\C`, repeat counts over 1000) is rejected with Go's wording; RE2-only
 * syntax is rewritten: leading `(?flags)`, `(?P<name>`, `\A`, `\z`, `\Q…\E`, `\pL`, `\p{Greek}`,
 * `[[:alpha:]]`, `\x{…}`, escaped punctuation, literal `{`/`}`/`]`, RE2's `.` and `\s`.
 * Preview limitation: inline flag groups other than a leading `(?flags)` (e.g. `a(?i)b`, `(?i:x)`)
 * are rejected, because the supported JavaScript engines have no pattern modifiers.
 */
export function re2ToJsRegExp(pattern: string): RegExp {
  const fail = (what: string, arg: string): never => {
    throw new SamplingConfigError(`error parsing regexp: ${what}: \`${arg}\``);
  };
  let i = 0;
  let dotAll = false;
  let ignoreCase = false;
  let multiline = false;
  let ungreedy = false;
  const lead = /^\(\?([imsU]+)\)/.exec(pattern);
  if (lead) {
    const flags = lead[1] ?? '';
    ignoreCase = flags.includes('i');
    multiline = flags.includes('m');
    dotAll = flags.includes('s');
    ungreedy = flags.includes('U');
    i = lead[0].length;
  }
  const POSIX: Readonly<Record<string, string>> = {
    alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7f', blank: '\\t ', cntrl: '\\x00-\\x1f\\x7f',
    digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~',
    space: '\\t\\n\\v\\f\\r ', upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
  };
  const hexEscape = (ch: string): string => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
  const isPunct = (ch: string): boolean => /[!-/:-@[-`{-~]/.test(ch);
  let out = '';
  let inClass = false;

  /** An escape sequence starting at pattern[i] === '\\'; returns its JS text. */
  const escape = (): string => {
    const c = pattern[i + 1];
    if (c === undefined) return fail('trailing backslash at end of expression', '');
    i += 2;
    if (/[1-9]/.test(c)) return fail('invalid escape sequence', `\\${c}`);
    if (c === '0') {
      const m = /^[0-7]{0,2}/.exec(pattern.slice(i))?.[0] ?? '';
      i += m.length;
      return hexEscape(String.fromCodePoint(parseInt(`0${m}`, 8)));
    }
    switch (c) {
      case 'A':
        if (inClass) return fail('invalid escape sequence', '\\A');
        return '(?<![\\s\\S])';
      case 'z':
        if (inClass) return fail('invalid escape sequence', '\\z');
        return '(?![\\s\\S])';
      case 'Q': {
        const end = pattern.indexOf('\\E', i);
        const lit = end < 0 ? pattern.slice(i) : pattern.slice(i, end);
        i = end < 0 ? pattern.length : end + 2;
        return [...lit].map((ch) => (isPunct(ch) ? hexEscape(ch) : ch)).join('');
      }
      case 'E':
        return '';
      case 's':
        return inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      case 'S':
        return inClass ? '\\S' : '[^\\t\\n\\f\\r ]';
      case 'd': case 'D': case 'w': case 'W': case 'f': case 'n': case 'r': case 't': case 'v':
        return `\\${c}`;
      case 'b': case 'B':
        return inClass ? fail('invalid escape sequence', `\\${c}`) : `\\${c}`;
      case 'a':
        return '\\x07';
      case 'x': {
        if (pattern[i] === '{') {
          const end = pattern.indexOf('}', i);
          const hex = end < 0 ? '' : pattern.slice(i + 1, end);
          if (!/^[0-9a-fA-F]{1,8}$/.test(hex) || parseInt(hex, 16) > 0x10ffff) return fail('invalid escape sequence', `\\x{${hex}`);
          i = end + 1;
          return `\\u{${hex}}`;
        }
        const hex = pattern.slice(i, i + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) return fail('invalid escape sequence', `\\x${hex}`);
        i += 2;
        return `\\x${hex}`;
      }
      case 'p': case 'P': {
        let name: string;
        if (pattern[i] === '{') {
          const end = pattern.indexOf('}', i);
          if (end < 0) return fail('invalid character class range', `\\${c}{`);
          name = pattern.slice(i + 1, end);
          i = end + 1;
        } else {
          name = pattern[i] ?? '';
          i += 1;
        }
        let negate = c === 'P';
        if (name.startsWith('^')) {
          negate = !negate;
          name = name.slice(1);
        }
        if (name === 'Any') return negate ? '[^\\s\\S]' : '[\\s\\S]';
        const prop = /^[A-Z][a-z]?$/.test(name) ? name : `Script=${name}`;
        return `\\${negate ? 'P' : 'p'}{${prop}}`;
      }
      default:
        if (isPunct(c)) return hexEscape(c);
        return fail('invalid escape sequence', `\\${c}`);
    }
  };

  /** After a quantifier: RE2 `(?U)` swaps greedy and lazy. */
  const quantifierSuffix = (): string => {
    const lazy = pattern[i] === '?';
    if (lazy) i++;
    if (pattern[i] === '+' || pattern[i] === '*') return fail('invalid nested repetition operator', pattern.slice(i - 1, i + 1));
    return lazy !== ungreedy ? '?' : '';
  };

  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (inClass) {
      if (ch === '\\') {
        out += escape();
        continue;
      }
      if (ch === '[' && pattern[i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
        if (m) {
          const set = POSIX[m[2] ?? ''];
          if (set === undefined) return fail('invalid character class range', m[0]);
          if (m[1] === '^') return fail('negated POSIX class is not supported by the preview', m[0]);
          out += set;
          i += m[0].length;
          continue;
        }
      }
      if (ch === ']') inClass = false;
      out += ch === '[' ? '\\[' : ch;
      i++;
      continue;
    }
    switch (ch) {
      case '\\':
        out += escape();
        break;
      case '[': {
        inClass = true;
        out += '[';
        i++;
        if (pattern[i] === '^') {
          out += '^';
          i++;
        }
        // A ']' right after '[' or '[^' is a literal in RE2.
        if (pattern[i] === ']') {
          out += '\\]';
          i++;
        }
        break;
      }
      case '(': {
        const rest = pattern.slice(i);
        if (rest.startsWith('(?P<')) {
          out += '(?<';
          i += 4;
        } else if (rest.startsWith('(?<') && !rest.startsWith('(?<=') && !rest.startsWith('(?<!')) {
          out += '(?<';
          i += 3;
        } else if (rest.startsWith('(?:')) {
          out += '(?:';
          i += 3;
        } else if (/^\(\?(=|!|<=|<!)/.test(rest)) {
          return fail('invalid or unsupported Perl syntax', rest.slice(0, rest.startsWith('(?<') ? 4 : 3));
        } else if (rest.startsWith('(?')) {
          return fail('inline flag groups are not supported by the preview', rest.slice(0, rest.indexOf(')') + 1 || 3));
        } else {
          out += '(';
          i++;
        }
        break;
      }
      case '.':
        out += dotAll ? '[\\s\\S]' : '[^\\n]';
        i++;
        break;
      case '*': case '+': case '?':
        out += ch;
        i++;
        out += quantifierSuffix();
        break;
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!m) {
          out += '\\{';
          i++;
          break;
        }
        const min = Number(m[1]);
        const max = m[3] === undefined || m[3] === '' ? min : Number(m[3]);
        if (min > 1000 || max > 1000 || (m[3] !== undefined && m[3] !== '' && max < min)) return fail('invalid repeat count', m[0]);
        out += m[0];
        i += m[0].length;
        out += quantifierSuffix();
        break;
      }
      case '}':
        out += '\\}';
        i++;
        break;
      case ']':
        out += '\\]';
        i++;
        break;
      default:
        out += ch;
        i++;
    }
  }
  if (inClass) return fail('missing closing ]', pattern);
  const flags = `u${ignoreCase ? 'i' : ''}${multiline ? 'm' : ''}`;
  try {
    return new RegExp(out, flags);
  } catch (e) {
    return fail('invalid expression', `${pattern} (${e instanceof Error ? e.message : String(e)})`);
  }
}
