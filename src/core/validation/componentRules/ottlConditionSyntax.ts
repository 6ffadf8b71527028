/**
 * A syntax check for OTTL boolean conditions, enough to report what the filter processor's
 * parser reports when a condition does not parse (`condition has invalid syntax: 1:27: ...`,
 * config-semantics §6.4). It checks the grammar only, not paths or function names per context.
 */

interface Tok {
  readonly t: 'str' | 'num' | 'bytes' | 'ident' | 'op' | 'punct' | 'eof';
  readonly v: string;
  readonly at: number;
}

const TOKEN_RE = /\s*(?:(0x[0-9a-fA-F]+)|([-+]?\d*\.\d+(?:[eE][-+]?\d+)?|[-+]?\d+)|("(?:\\.|[^\\"])*")|(==|!=|>=|<=|>|<|[+\-*/])|([()[\]{},.:=])|([A-Za-z_][A-Za-z0-9_]*))/y;

function lex(text: string): Tok[] | { error: string } {
  const toks: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(text);
    if (!m) {
      const at = pos + (text.slice(pos).length - text.slice(pos).trimStart().length);
      return { error: `1:${at + 1}: invalid input text ${JSON.stringify(text.slice(at, at + 10))}` };
    }
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '').length;
    if (m[1]) toks.push({ t: 'bytes', v: m[1], at });
    else if (m[2]) toks.push({ t: 'num', v: m[2], at });
    else if (m[3]) toks.push({ t: 'str', v: m[3], at });
    else if (m[4]) toks.push({ t: 'op', v: m[4], at });
    else if (m[5]) toks.push({ t: 'punct', v: m[5], at });
    else toks.push({ t: 'ident', v: m[6]!, at });
    pos = TOKEN_RE.lastIndex;
  }
  toks.push({ t: 'eof', v: '<EOF>', at: text.length });
  return toks;
}

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly at = Number.MAX_SAFE_INTEGER,
  ) {
    super(message);
  }
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}
  private peek(k = 0): Tok {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]!;
  }
  private fail(tok = this.peek()): never {
    throw new SyntaxFailure(`1:${tok.at + 1}: unexpected token ${JSON.stringify(tok.v)}`, tok.at);
  }
  private isWord(w: string, k = 0): boolean {
    const t = this.peek(k);
    return t.t === 'ident' && t.v === w;
  }
  private eat(v: string): void {
    const t = this.peek();
    if (t.v !== v || t.t === 'str') this.fail(t);
    this.i++;
  }
  parseCondition(): void {
    this.orExpr();
    if (this.peek().t !== 'eof') this.fail();
  }
  private orExpr(): void {
    this.andExpr();
    while (this.isWord('or')) {
      this.i++;
      this.andExpr();
    }
  }
  private andExpr(): void {
    this.notExpr();
    while (this.isWord('and')) {
      this.i++;
      this.notExpr();
    }
  }
  private notExpr(): void {
    if (this.isWord('not')) this.i++;
    this.primary();
  }
  private primary(): void {
    let groupFailure: SyntaxFailure | null = null;
    if (this.peek().v === '(' && this.peek().t === 'punct') {
      const save = this.i;
      try {
        this.i++;
        this.orExpr();
        this.eat(')');
        const next = this.peek();
        if (next.t !== 'op') return;
      } catch (e) {
        if (!(e instanceof SyntaxFailure)) throw e;
        groupFailure = e;
      }
      this.i = save;
    }
    try {
      this.math();
    } catch (e) {
      // Report whichever reading of "(" got further, as a PEG parser would.
      if (e instanceof SyntaxFailure && groupFailure && groupFailure.at > e.at) throw groupFailure;
      throw e;
    }
    if (this.peek().t === 'op' && ['==', '!=', '>=', '<=', '>', '<'].includes(this.peek().v)) {
      this.i++;
      this.math();
    }
  }
  private math(): void {
    this.factor();
    while (this.peek().t === 'op' && ['+', '-', '*', '/'].includes(this.peek().v)) {
      this.i++;
      this.factor();
    }
  }
  private keys(): void {
    while (this.peek().v === '[' && this.peek().t === 'punct') {
      this.i++;
      const t = this.peek();
      if (t.t === 'str' || t.t === 'num') this.i++;
      else if (t.t === 'ident') this.value();
      else this.fail(t);
      this.eat(']');
    }
  }
  private factor(): void {
    const t = this.peek();
    if (t.t === 'str' || t.t === 'num' || t.t === 'bytes') {
      this.i++;
      return;
    }
    if (t.t === 'punct' && t.v === '(') {
      this.i++;
      this.math();
      this.eat(')');
      return;
    }
    if (t.t === 'punct' && t.v === '[') {
      this.i++;
      if (this.peek().v !== ']') {
        this.value();
        while (this.peek().v === ',') {
          this.i++;
          this.value();
        }
      }
      this.eat(']');
      return;
    }
    if (t.t === 'punct' && t.v === '{') {
      this.i++;
      if (this.peek().v !== '}') {
        do {
          if (this.peek().v === ',') this.i++;
          if (this.peek().t !== 'str') this.fail();
          this.i++;
          this.eat(':');
          this.value();
        } while (this.peek().v === ',');
      }
      this.eat('}');
      return;
    }
    if (t.t !== 'ident' || ['and', 'or', 'not'].includes(t.v)) this.fail(t);
    if (this.peek(1).v === '(' && this.peek(1).t === 'punct') {
      if (!/^[A-Z]/.test(t.v)) throw new SyntaxFailure(`converter names must start with an uppercase letter but got '${t.v}'`);
      this.i += 2;
      if (this.peek().v !== ')') {
        this.arg();
        while (this.peek().v === ',') {
          this.i++;
          this.arg();
        }
      }
      this.eat(')');
      this.keys();
      return;
    }
    this.i++;
    while (this.peek().v === '.' && this.peek().t === 'punct') {
      this.i++;
      if (this.peek().t !== 'ident') this.fail();
      this.i++;
    }
    this.keys();
  }
  private arg(): void {
    if (this.peek().t === 'ident' && this.peek(1).v === '=' && this.peek(1).t === 'punct') this.i += 2;
    this.value();
  }
  private value(): void {
    this.math();
    // Comparisons are not values, but boolean expressions may be arguments.
    if (this.peek().t === 'op' && ['==', '!=', '>=', '<=', '>', '<'].includes(this.peek().v)) {
      this.i++;
      this.math();
    }
  }
}

/** Null when the condition parses; otherwise the parser's message (`1:27: unexpected token "<EOF>"`). */
export function ottlConditionSyntaxError(condition: string): string | null {
  const toks = lex(condition);
  if (!Array.isArray(toks)) return toks.error;
  try {
    new Parser(toks).parseCondition();
    return null;
  } catch (e) {
    if (e instanceof SyntaxFailure) return e.message;
    throw e;
  }
}
