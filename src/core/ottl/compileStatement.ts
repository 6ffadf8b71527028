/**
 * Public entry point for OTTL statements (transform processor, routing `statement:`):
 * `editor(args) [where condition]`. Same contract as `compileCondition`: start-up problems come
 * back as `{ ok: false, error }`, and `execute` reports runtime failures as values (§1.10).
 */
import type { Statement } from './ast';
import { compileStatementAst, type CompileOptions } from './compileExpr';
import { allowNilGate, runSafely, type EvalResult, type OttlCompileFailure, type OttlOptions } from './compileCondition';
import { inferContext } from './inferContext';
import type { OttlContextName, OttlTraceContext } from './ottlContext';
import { OttlCompileError } from './ottlValue';
import { parseStatement } from './parser';

export interface CompiledStatement {
  readonly ok: true;
  readonly text: string;
  readonly context: OttlContextName;
  /** Evaluate the where clause and, when true, run the editor. */
  execute(ctx: OttlTraceContext): EvalResult<void>;
}

/** Parse one statement, with an error that names the text and column. */
export function parseStatementText(text: string): { ok: true; ast: Statement } | OttlCompileFailure {
  const parsed = parseStatement(text);
  if (!parsed.ok) return { ok: false, error: `unable to parse OTTL statement "${text}": ${parsed.error.message} (column ${parsed.error.column})` };
  return { ok: true, ast: parsed.value };
}

/** Compile one statement in an explicit context or `'infer'` (§1.11). */
export function compileStatement(
  text: string,
  context: OttlContextName | 'infer' = 'infer',
  options: OttlOptions = {},
): CompiledStatement | OttlCompileFailure {
  const parsed = parseStatementText(text);
  if (!parsed.ok) return parsed;
  let ctxName: OttlContextName;
  if (context === 'infer') {
    const inferred = inferContext([parsed.ast], options.extraFunctions);
    if (!inferred.ok) return { ok: false, error: `${inferred.error} in statement "${text}"` };
    ctxName = inferred.context;
  } else ctxName = context;
  return compileParsedStatement(text, parsed.ast, ctxName, context === 'infer', options);
}

/** Compile a parsed statement in a known context. */
export function compileParsedStatement(
  text: string,
  ast: Statement,
  context: OttlContextName,
  requirePrefix: boolean,
  options: OttlOptions = {},
): CompiledStatement | OttlCompileFailure {
  const opts: CompileOptions = { context, requirePrefix, allowNil: allowNilGate(options.featureGates), extraFunctions: options.extraFunctions ?? [] };
  try {
    const fn = compileStatementAst(ast, opts);
    return { ok: true, text, context, execute: (ctx) => runSafely(() => fn(ctx)) };
  } catch (e) {
    if (e instanceof OttlCompileError) return { ok: false, error: `unable to parse OTTL statement "${text}": ${e.message}` };
    throw e;
  }
}
