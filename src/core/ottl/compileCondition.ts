/**
 * Public entry point for OTTL conditions (filter, routing, count, tail_sampling `ottl_condition`).
 *
 * ```ts
 * const c = compileCondition('span.attributes["http.status_code"] >= 500', 'infer');
 * if (!c.ok) reportConfigError(c.error);          // start-up rejection, names the text and column
 * const r = c.evaluate(spanContext(rs, ss, span)); // { ok: true, value } | { ok: false, error }
 * ```
 *
 * `context` is `'resource' | 'scope' | 'span' | 'spanevent'` (un-prefixed paths belong to it) or
 * `'infer'` (every path needs a prefix; the context is chosen as processors-spec §1.11 says).
 * Evaluation never throws: runtime failures come back as `{ ok: false, error }` so the caller
 * can apply its error mode (§1.10).
 */
import type { BoolExpr } from './ast';
import { compileBool, type CompileOptions } from './compileExpr';
import type { OttlFunctionDef } from './functionTypes';
import { inferContext } from './inferContext';
import type { OttlContextName, OttlTraceContext } from './ottlContext';
import { OttlCompileError, OttlRuntimeError } from './ottlValue';
import { parseCondition } from './parser';

export type EvalResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface CompiledCondition {
  readonly ok: true;
  readonly text: string;
  /** The context the condition runs in (given or inferred). */
  readonly context: OttlContextName;
  evaluate(ctx: OttlTraceContext): EvalResult<boolean>;
}

export interface OttlCompileFailure {
  readonly ok: false;
  readonly error: string;
}

export interface OttlOptions {
  /** Feature gates by id; only `ottl.set.allowNil` matters to OTTL (default on, newest Collector). */
  readonly featureGates?: Readonly<Record<string, boolean>>;
  /** Component-specific functions. */
  readonly extraFunctions?: readonly OttlFunctionDef[];
}

/** Whether gate `ottl.set.allowNil` is on (beta v0.161, stable v0.162: on unless disabled). */
export function allowNilGate(featureGates?: Readonly<Record<string, boolean>>): boolean {
  return featureGates?.['ottl.set.allowNil'] ?? true;
}

/** A runtime failure as a value (OTTL's own errors, and range/type errors of converters), else rethrown. */
function failure(e: unknown): { ok: false; error: string } {
  if (e instanceof OttlRuntimeError) return { ok: false, error: e.message };
  if (e instanceof RangeError || e instanceof TypeError) return { ok: false, error: e.message };
  throw e;
}

/** Run a compiled closure, turning runtime failures into values. */
export function runSafely<T>(f: () => T): EvalResult<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return failure(e);
  }
}

const TRUE: EvalResult<boolean> = Object.freeze({ ok: true, value: true });
const FALSE: EvalResult<boolean> = Object.freeze({ ok: true, value: false });

/** A compiled condition run safely; its two outcomes are shared objects (a filter asks every span). */
function evaluateSafely(fn: (ctx: OttlTraceContext) => boolean): (ctx: OttlTraceContext) => EvalResult<boolean> {
  return (ctx) => {
    try {
      return fn(ctx) ? TRUE : FALSE;
    } catch (e) {
      return failure(e);
    }
  };
}

/** Compile a condition. See the module comment for the contract. */
export function compileCondition(
  text: string,
  context: OttlContextName | 'infer' = 'infer',
  options: OttlOptions = {},
): CompiledCondition | OttlCompileFailure {
  const parsed = parseCondition(text);
  if (!parsed.ok) return { ok: false, error: `unable to parse OTTL condition "${text}": ${parsed.error.message} (column ${parsed.error.column})` };
  return compileParsedCondition(text, parsed.value, context, options);
}

/** Compile an already parsed condition (used by components that parse once and bucket). */
export function compileParsedCondition(
  text: string,
  ast: BoolExpr,
  context: OttlContextName | 'infer',
  options: OttlOptions = {},
): CompiledCondition | OttlCompileFailure {
  let ctxName: OttlContextName;
  if (context === 'infer') {
    const inferred = inferContext([ast], options.extraFunctions);
    if (!inferred.ok) return { ok: false, error: `${inferred.error} in condition "${text}"` };
    ctxName = inferred.context;
  } else ctxName = context;
  const opts: CompileOptions = {
    context: ctxName,
    requirePrefix: context === 'infer',
    allowNil: allowNilGate(options.featureGates),
    extraFunctions: options.extraFunctions ?? [],
  };
  try {
    const fn = compileBool(ast, opts);
    return { ok: true, text, context: ctxName, evaluate: evaluateSafely(fn) };
  } catch (e) {
    if (e instanceof OttlCompileError) return { ok: false, error: `unable to parse OTTL condition "${text}": ${e.message}` };
    throw e;
  }
}
