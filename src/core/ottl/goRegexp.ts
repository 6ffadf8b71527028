/**
 * Go RE2 patterns in JavaScript (processors-spec §7 regex note). Collector components use Go's
 * `regexp` (unanchored search unless the pattern anchors); JS `RegExp` agrees for the common
 * subset once `(?P<name>` becomes `(?<name>` and leading flag groups become flags. Constructs RE2
 * does not have (look-around, back-references) are rejected, as the Collector would reject them.
 */

export type GoRegexpResult = { readonly ok: true; readonly re: RegExp } | { readonly ok: false; readonly error: string };

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Translate and compile a Go regexp. `global` adds the `g` flag (for replace-all). */
export function compileGoRegexp(pattern: string, global = false): GoRegexpResult {
  let flags = '';
  let src = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    const f = lead[1] ?? '';
    if (f.includes('U')) return { ok: false, error: `error parsing regexp: ungreedy flag (?U) is not supported in the preview: \`${pattern}\`` };
    flags += f;
    src = src.slice(lead[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] ?? '';
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(n)) return { ok: false, error: `error parsing regexp: invalid escape sequence: \`\\${n}\`` };
      if (n === 'z') {
        out += '(?![\\s\\S])';
        i++;
        continue;
      }
      if (n === 'A') {
        out += '(?<![\\s\\S])';
        i++;
        continue;
      }
      if (n === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        const lit = src.slice(i + 2, end < 0 ? src.length : end);
        out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end < 0 ? src.length : end + 1;
        continue;
      }
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' && src[i + 1] === ':') {
        const end = src.indexOf(':]', i + 2);
        const name = end < 0 ? '' : src.slice(i + 2, end);
        const cls = POSIX[name];
        if (cls !== undefined) {
          out += cls;
          i = end + 1;
          continue;
        }
      }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (src[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const rest = src.slice(i + 2);
      if (rest.startsWith('P<')) {
        out += '(?<';
        i += 3;
        continue;
      }
      if (rest.startsWith('=') || rest.startsWith('!') || rest.startsWith('<=') || rest.startsWith('<!'))
        return { ok: false, error: `error parsing regexp: invalid or unsupported Perl syntax: \`(?${rest.slice(0, 2)}\`` };
      if (rest.startsWith(':') || rest.startsWith('<')) {
        out += c;
        continue;
      }
      return { ok: false, error: `error parsing regexp: inline flag groups are not supported in the preview: \`(?${rest.slice(0, 3)}\`` };
    }
    out += c;
  }
  try {
    return { ok: true, re: new RegExp(out, flags + (global ? 'g' : '')) };
  } catch (e) {
    return { ok: false, error: `error parsing regexp: ${e instanceof Error ? e.message : String(e)}: \`${pattern}\`` };
  }
}

/** Go `Regexp.Expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`; a malformed `$` stays literal. */
export function goExpand(template: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    const next = template[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string;
    let end: number;
    if (next === '{') {
      const close = template.indexOf('}', i + 2);
      name = close < 0 ? '' : template.slice(i + 2, close);
      if (!/^[A-Za-z0-9_]+$/.test(name)) {
        out += '$';
        continue;
      }
      end = close + 1;
    } else {
      const m = /^[A-Za-z0-9_]+/.exec(template.slice(i + 1));
      if (!m) {
        out += '$';
        continue;
      }
      name = m[0];
      end = i + 1 + name.length;
    }
    const value = /^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name];
    out += value ?? '';
    i = end - 1;
  }
  return out;
}

/** Go `ReplaceAllString` with `Expand` semantics for the replacement. */
export function goReplaceAll(re: RegExp, input: string, replacement: string, transform?: (expanded: string) => string): string {
  const g = re.global ? re : new RegExp(re.source, re.flags + 'g');
  g.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = g.exec(input); m; m = g.exec(input)) {
    const expanded = goExpand(replacement, m);
    out += input.slice(last, m.index) + (transform ? transform(expanded) : expanded);
    last = m.index + m[0].length;
    if (m[0].length === 0) g.lastIndex++;
  }
  return out + input.slice(last);
}
