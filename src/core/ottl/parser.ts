/**
 * Recursive-descent parser for the OTTL grammar of processors-spec §1.2. Errors are values that
 * name the 1-based column; the component wraps them with the statement text.
 */
import type { Argument, BoolExpr, CompareOp, FunctionCall, LiteralValue, PathSegment, Statement, ValueExpr } from './ast';
import { tokenize, type OttlSyntaxError, type Token } from './lexer';

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: OttlSyntaxError };

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parse a transform-style statement: `editor(args) [where condition]`. */
export function parseStatement(text: string): ParseResult<Statement> {
  return run(text, (p) => {
    const editor = p.parseEditorCall();
    let where: BoolExpr | undefined;
    if (p.peekWord('where')) {
      p.next();
      where = p.parseBoolExpr();
    }
    p.expectEof();
    return where ? { editor, where } : { editor };
  });
}

/** Parse a boolean condition (filter, routing, count, transform group conditions). */
export function parseCondition(text: string): ParseResult<BoolExpr> {
  return run(text, (p) => {
    const expr = p.parseBoolExpr();
    p.expectEof();
    return expr;
  });
}

function run<T>(text: string, body: (p: Parser) => T): ParseResult<T> {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  const parser = new Parser(tokens);
  try {
    return { ok: true, value: body(parser) };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: { message: e.message, column: e.offset + 1 } };
    throw e;
  }
}

function describe(t: Token): string {
  if (t.type === 'eof') return 'end of input';
  if (t.type === 'string') return `string "${t.text}"`;
  return `"${t.text}"`;
}

function isUpper(name: string): boolean {
  return /^[A-Z]/.test(name);
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }
  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  private fail(message: string, t: Token = this.peek()): never {
    throw new SyntaxFailure(message, t.start);
  }
  private isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'punct' && t.text === text;
  }
  private expectPunct(text: string): Token {
    if (!this.isPunct(text)) this.fail(`unexpected ${describe(this.peek())}, expected "${text}"`);
    return this.next();
  }
  peekWord(word: string): boolean {
    const t = this.peek();
    return t.type === 'ident' && t.text === word;
  }
  expectEof(): void {
    const t = this.peek();
    if (t.type !== 'eof') this.fail(`unexpected ${describe(t)}`);
  }

  parseEditorCall(): FunctionCall {
    const t = this.peek();
    if (t.type !== 'ident' || !this.isPunct('(', 1)) this.fail(`unexpected ${describe(t)}, expected an editor call such as set(...)`);
    if (isUpper(t.text)) this.fail(`editor names must start with a lowercase letter but got '${t.text}'`);
    const call = this.parseCallBody();
    if (this.isPunct('[')) this.fail('only paths and converters may be indexed, not editors');
    return call;
  }

  private parseCallBody(): FunctionCall {
    const nameTok = this.next();
    this.expectPunct('(');
    const args: Argument[] = [];
    if (!this.isPunct(')')) {
      for (;;) {
        args.push(this.parseArgument());
        if (this.isPunct(',')) {
          this.next();
          continue;
        }
        break;
      }
    }
    this.expectPunct(')');
    return { name: nameTok.text, args, pos: nameTok.start };
  }

  private parseArgument(): Argument {
    const t = this.peek();
    if (t.type === 'ident' && !isUpper(t.text) && this.peek(1).type === 'equal') {
      this.next();
      this.next();
      return { name: t.text, value: this.parseValue(), pos: t.start };
    }
    return { value: this.parseValue(), pos: t.start };
  }

  parseBoolExpr(): BoolExpr {
    const terms = [this.parseTerm()];
    while (this.peek().type === 'or') {
      this.next();
      terms.push(this.parseTerm());
    }
    return terms.length === 1 ? (terms[0] as BoolExpr) : { type: 'or', terms };
  }

  private parseTerm(): BoolExpr {
    const terms = [this.parseBoolValue()];
    while (this.peek().type === 'and') {
      this.next();
      terms.push(this.parseBoolValue());
    }
    return terms.length === 1 ? (terms[0] as BoolExpr) : { type: 'and', terms };
  }

  private parseBoolValue(): BoolExpr {
    if (this.peek().type === 'not') {
      this.next();
      return { type: 'not', operand: this.parseBoolValueInner() };
    }
    return this.parseBoolValueInner();
  }

  /** comparison | bool_const | "(" bool_expr ")", comparison tried first (with backtracking). */
  private parseBoolValueInner(): BoolExpr {
    const start = this.i;
    const startTok = this.peek();
    let comparisonError: SyntaxFailure | undefined;
    try {
      const left = this.parseValue();
      const op = this.peek();
      if (op.type === 'cmp') {
        this.next();
        const right = this.parseValue();
        return { type: 'compare', op: op.text as CompareOp, left, right, pos: startTok.start };
      }
      if (left.type === 'call' && left.keys.length === 0) return { type: 'converter', expr: left, pos: startTok.start };
      if (left.type === 'literal' && typeof left.value === 'boolean') return { type: 'const', value: left.value };
      comparisonError = new SyntaxFailure(`unexpected ${describe(op)}, expected a comparison operator`, op.start);
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e;
      comparisonError = e;
    }
    const furthest = comparisonError;
    this.i = start;
    if (this.isPunct('(')) {
      try {
        this.next();
        const inner = this.parseBoolExpr();
        this.expectPunct(')');
        return inner;
      } catch (e) {
        if (!(e instanceof SyntaxFailure)) throw e;
        throw e.offset >= furthest.offset ? e : furthest;
      }
    }
    throw furthest;
  }

  parseValue(): ValueExpr {
    const t = this.peek();
    switch (t.type) {
      case 'string':
        this.next();
        return { type: 'literal', value: t.text, pos: t.start };
      case 'bytes':
        this.next();
        return { type: 'literal', value: hexLiteral(t.text.slice(2), t), pos: t.start };
      case 'bool':
        this.next();
        return { type: 'literal', value: t.text === 'true', pos: t.start };
      case 'punct':
        if (t.text === '[') return this.parseList();
        if (t.text === '{') return this.parseMap();
        break;
      case 'ident':
        if (t.text === 'nil') {
          this.next();
          return { type: 'literal', value: null, pos: t.start };
        }
        if (isUpper(t.text) && !this.isPunct('(', 1)) {
          this.next();
          return { type: 'enum', name: t.text, pos: t.start };
        }
        break;
      default:
        break;
    }
    return this.parseMathExpr();
  }

  private parseList(): ValueExpr {
    const open = this.next();
    const items: ValueExpr[] = [];
    if (!this.isPunct(']')) {
      for (;;) {
        items.push(this.parseValue());
        if (this.isPunct(',')) {
          this.next();
          continue;
        }
        break;
      }
    }
    this.expectPunct(']');
    return { type: 'list', items, pos: open.start };
  }

  private parseMap(): ValueExpr {
    const open = this.next();
    const entries: { key: string; value: ValueExpr }[] = [];
    while (!this.isPunct('}')) {
      const k = this.peek();
      if (k.type !== 'string') this.fail(`unexpected ${describe(k)}, expected a string map key`);
      this.next();
      this.expectPunct(':');
      entries.push({ key: k.text, value: this.parseValue() });
      if (this.isPunct(',')) this.next();
    }
    this.expectPunct('}');
    return { type: 'map', entries, pos: open.start };
  }

  private parseMathExpr(): ValueExpr {
    let left = this.parseAddTerm();
    while (this.peek().type === 'addsub') {
      const op = this.next();
      const right = this.parseAddTerm();
      left = { type: 'math', op: op.text as '+' | '-', left, right, pos: op.start };
    }
    return left;
  }

  private parseAddTerm(): ValueExpr {
    let left = this.parseMathValue();
    while (this.peek().type === 'multdiv') {
      const op = this.next();
      const right = this.parseMathValue();
      left = { type: 'math', op: op.text as '*' | '/', left, right, pos: op.start };
    }
    return left;
  }

  private parseMathValue(): ValueExpr {
    const t = this.peek();
    if (t.type === 'int') {
      this.next();
      const v = BigInt(t.text);
      if (v > 9223372036854775807n || v < -9223372036854775808n) this.fail(`integer ${t.text} out of int64 range`, t);
      return { type: 'literal', value: v, pos: t.start };
    }
    if (t.type === 'float') {
      this.next();
      return { type: 'literal', value: Number(t.text), pos: t.start };
    }
    if (this.isPunct('(')) {
      this.next();
      const inner = this.parseMathExpr();
      this.expectPunct(')');
      return inner;
    }
    if (t.type === 'ident') {
      if (this.isPunct('(', 1)) {
        if (!isUpper(t.text)) this.fail(`converter names must start with an uppercase letter but got '${t.text}'`);
        const call = this.parseCallBody();
        return { type: 'call', call, keys: this.parseKeys(), pos: t.start };
      }
      if (!isUpper(t.text)) return this.parsePath();
    }
    this.fail(`unexpected ${describe(t)}, expected a value`);
  }

  private parsePath(): ValueExpr {
    const first = this.peek();
    const segments: PathSegment[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type !== 'ident' || isUpper(t.text)) this.fail(`unexpected ${describe(t)}, expected a path segment`);
      this.next();
      segments.push({ name: t.text, keys: this.parseKeys() });
      if (this.isPunct('.')) {
        this.next();
        continue;
      }
      break;
    }
    return { type: 'path', segments, pos: first.start };
  }

  private parseKeys(): ValueExpr[] {
    const keys: ValueExpr[] = [];
    while (this.isPunct('[')) {
      this.next();
      const t = this.peek();
      if (t.type === 'string') {
        this.next();
        keys.push({ type: 'literal', value: t.text, pos: t.start });
      } else {
        keys.push(this.parseMathExpr());
      }
      this.expectPunct(']');
    }
    return keys;
  }
}

function hexLiteral(hex: string, t: Token): LiteralValue {
  if (hex.length % 2 !== 0) throw new SyntaxFailure(`byte slice literal ${t.text} has an odd number of hex digits`, t.start);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
