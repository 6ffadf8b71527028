/**
 * Syntax tree of one OTTL statement or condition (processors-spec §1.2). `pos` is the 0-based
 * offset of the node's first token, used for error columns.
 */

export type LiteralValue = null | string | bigint | number | boolean | Uint8Array;

export interface PathSegment {
  readonly name: string;
  readonly keys: readonly ValueExpr[];
}

export type ValueExpr =
  | { readonly type: 'literal'; readonly value: LiteralValue; readonly pos: number }
  /** An Uppercase identifier not followed by `(`: an enum, or a function name where a parameter takes one. */
  | { readonly type: 'enum'; readonly name: string; readonly pos: number }
  | { readonly type: 'path'; readonly segments: readonly PathSegment[]; readonly pos: number }
  | { readonly type: 'call'; readonly call: FunctionCall; readonly keys: readonly ValueExpr[]; readonly pos: number }
  | { readonly type: 'list'; readonly items: readonly ValueExpr[]; readonly pos: number }
  | { readonly type: 'map'; readonly entries: readonly { key: string; value: ValueExpr }[]; readonly pos: number }
  | { readonly type: 'math'; readonly op: '+' | '-' | '*' | '/'; readonly left: ValueExpr; readonly right: ValueExpr; readonly pos: number };

export interface Argument {
  readonly name?: string;
  readonly value: ValueExpr;
  readonly pos: number;
}

export interface FunctionCall {
  readonly name: string;
  readonly args: readonly Argument[];
  readonly pos: number;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type BoolExpr =
  | { readonly type: 'or'; readonly terms: readonly BoolExpr[] }
  | { readonly type: 'and'; readonly terms: readonly BoolExpr[] }
  | { readonly type: 'not'; readonly operand: BoolExpr }
  | { readonly type: 'compare'; readonly op: CompareOp; readonly left: ValueExpr; readonly right: ValueExpr; readonly pos: number }
  | { readonly type: 'const'; readonly value: boolean }
  | { readonly type: 'converter'; readonly expr: ValueExpr; readonly pos: number };

export interface Statement {
  readonly editor: FunctionCall;
  readonly where?: BoolExpr;
}
