/**
 * Compiles parsed OTTL into closures over an {@link OttlTraceContext} (processors-spec §1.3-§1.9).
 * Everything the Collector checks when it builds a statement (unknown function, argument count
 * or literal type, unknown path or enum, bad literal regexp) throws {@link OttlCompileError}
 * here; evaluation failures throw {@link OttlRuntimeError} for the caller's error mode.
 */
import type { Argument, BoolExpr, FunctionCall, Statement, ValueExpr } from './ast';
import { compareValues } from './compare';
import { CONVERTERS, UNSUPPORTED_CONVERTERS } from './converters';
import { EDITORS } from './editors';
import { Args, type CompiledArg, type Impl, type OttlFunctionDef, type ParamSpec } from './functionTypes';
import { indexChain } from './indexing';
import type { OttlContextName, OttlTraceContext } from './ottlContext';
import { OttlCompileError, OttlDuration, OttlRuntimeError, OttlTime, toAnyValue, typeNameOf, type OttlValue } from './ottlValue';
import { compilePath, type Getter } from './paths';

export interface CompileOptions {
  readonly context: OttlContextName;
  /** Flat / inferred forms: every path needs a context prefix (§1.7). */
  readonly requirePrefix: boolean;
  /** Gate `ottl.set.allowNil`. */
  readonly allowNil: boolean;
  /** Component-specific functions (routing's `route()`), looked up before the standard ones. */
  readonly extraFunctions?: readonly OttlFunctionDef[];
}

/** Enum symbols of the span and span-event contexts (§1.8). */
export const TRACE_ENUMS: Readonly<Record<string, bigint>> = {
  SPAN_KIND_UNSPECIFIED: 0n,
  SPAN_KIND_INTERNAL: 1n,
  SPAN_KIND_SERVER: 2n,
  SPAN_KIND_CLIENT: 3n,
  SPAN_KIND_PRODUCER: 4n,
  SPAN_KIND_CONSUMER: 5n,
  STATUS_CODE_UNSET: 0n,
  STATUS_CODE_OK: 1n,
  STATUS_CODE_ERROR: 2n,
};

/** Whether a context defines the trace enums (resource and scope do not, §1.8). */
export function contextHasEnums(context: OttlContextName): boolean {
  return context === 'span' || context === 'spanevent';
}

const STANDARD = new Map<string, OttlFunctionDef>([...EDITORS, ...CONVERTERS].map((f) => [f.name, f]));

/** Look a function up by name (component extras first). */
export function findFunction(name: string, extra: readonly OttlFunctionDef[] = []): OttlFunctionDef | undefined {
  return extra.find((f) => f.name === name) ?? STANDARD.get(name);
}

function lookup(call: FunctionCall, kind: 'editor' | 'converter', opts: CompileOptions): OttlFunctionDef {
  const def = findFunction(call.name, opts.extraFunctions);
  if (!def) {
    const why = UNSUPPORTED_CONVERTERS[call.name];
    throw new OttlCompileError(why ?? `undefined function "${call.name}"`);
  }
  if (def.kind !== kind) throw new OttlCompileError(`${call.name} is ${def.kind === 'editor' ? 'an editor' : 'a converter'}, not ${kind === 'editor' ? 'an editor' : 'a converter'}`);
  if (def.contexts && !def.contexts.includes(opts.context))
    throw new OttlCompileError(`function "${call.name}" is not supported in the ${opts.context} context`);
  return def;
}

function bindArguments(def: OttlFunctionDef, call: FunctionCall, opts: CompileOptions): Args {
  const slots: (Argument | undefined)[] = def.params.map(() => undefined);
  let positional = 0;
  let sawNamed = false;
  for (const arg of call.args) {
    if (arg.name !== undefined) {
      sawNamed = true;
      const i = def.params.findIndex((p) => p.name === arg.name);
      if (i < 0) throw new OttlCompileError(`no such parameter "${arg.name}" for function "${def.name}"`);
      if (slots[i]) throw new OttlCompileError(`duplicate argument "${arg.name}" for function "${def.name}"`);
      slots[i] = arg;
      continue;
    }
    if (sawNamed) throw new OttlCompileError(`unnamed argument used after named argument in function "${def.name}"`);
    if (positional >= def.params.length) break;
    slots[positional++] = arg;
  }
  const required = def.params.filter((p) => !p.optional).length;
  const given = call.args.length;
  if (given > def.params.length || slots.some((s, i) => !s && !def.params[i]?.optional)) {
    throw new OttlCompileError(
      def.params.length === required
        ? `incorrect number of arguments. Expected: ${required} Received: ${given}`
        : `incorrect number of arguments. Expected: ${required}-${def.params.length} Received: ${given}`,
    );
  }
  const compiled = def.params.map((param, i) => {
    const arg = slots[i];
    return arg ? compileArgument(def.name, param, i, arg.value, opts) : ({ kind: 'absent' } as const);
  });
  return new Args(def.name, compiled);
}

function literalOf(expr: ValueExpr): OttlValue | undefined {
  return expr.type === 'literal' ? expr.value : undefined;
}

function compileArgument(fn: string, param: ParamSpec, index: number, expr: ValueExpr, opts: CompileOptions): CompiledArg {
  const bad = (what: string): never => {
    throw new OttlCompileError(`invalid argument at position ${index} of ${fn}: ${what}`);
  };
  switch (param.kind) {
    case 'getter':
      return { kind: 'getter', get: compileValue(expr, opts) };
    case 'getSetter': {
      if (expr.type !== 'path') return bad('must be a path');
      const acc = compilePathExpr(expr, opts);
      if (!acc.set) return bad('the path cannot be set');
      return { kind: 'getSetter', get: acc.get, set: acc.set };
    }
    case 'string': {
      const v = literalOf(expr);
      return typeof v === 'string' ? { kind: 'string', value: v } : bad('must be a string literal');
    }
    case 'int': {
      const v = literalOf(expr);
      return typeof v === 'bigint' ? { kind: 'int', value: v } : bad('must be an int64 literal');
    }
    case 'bool': {
      const v = literalOf(expr);
      return typeof v === 'boolean' ? { kind: 'bool', value: v } : bad('must be a bool literal');
    }
    case 'stringList': {
      if (expr.type !== 'list') return bad('must be a list of strings');
      const items = expr.items.map((x) => literalOf(x));
      if (items.some((x) => typeof x !== 'string')) return bad('must be a list of string literals');
      return { kind: 'stringList', value: items as string[] };
    }
    case 'getterList':
      if (expr.type !== 'list') return bad('must be a list');
      return { kind: 'getterList', items: expr.items.map((x) => compileValue(x, opts)) };
    case 'function': {
      if (expr.type !== 'enum') return bad('must be a converter name such as SHA256');
      const name = expr.name;
      const def = findFunction(name, opts.extraFunctions);
      if (!def || def.kind !== 'converter' || def.params.length < 1)
        throw new OttlCompileError(UNSUPPORTED_CONVERTERS[name] ?? `undefined function "${name}"`);
      // The converter is called with the expanded replacement as its only argument.
      let slot: OttlValue = null;
      const impl = def.build(new Args(name, [{ kind: 'getter', get: () => slot }]), { allowNil: opts.allowNil });
      const dummy = { resourceSpans: { resource: { attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', scopeSpans: [] }, cache: new Map() };
      return {
        kind: 'function',
        name,
        apply: (v) => {
          slot = v;
          return impl(dummy);
        },
      };
    }
  }
}

function compilePathExpr(expr: Extract<ValueExpr, { type: 'path' }>, opts: CompileOptions) {
  const keys = expr.segments.map((s) => s.keys.map((k) => compileValue(k, opts)));
  return compilePath(expr.segments, keys, opts);
}

function compileCall(call: FunctionCall, kind: 'editor' | 'converter', opts: CompileOptions): Impl {
  const def = lookup(call, kind, opts);
  return def.build(bindArguments(def, call, opts), { allowNil: opts.allowNil });
}

/** Compile a value expression. */
export function compileValue(expr: ValueExpr, opts: CompileOptions): Getter {
  switch (expr.type) {
    case 'literal': {
      const v = expr.value;
      return () => v;
    }
    case 'enum': {
      const v = contextHasEnums(opts.context) ? TRACE_ENUMS[expr.name] : undefined;
      if (v === undefined) throw new OttlCompileError(`enum symbol, ${expr.name}, not found`);
      return () => v;
    }
    case 'path':
      return compilePathExpr(expr, opts).get;
    case 'call': {
      const impl = compileCall(expr.call, 'converter', opts);
      if (expr.keys.length === 0) return impl;
      const keys = expr.keys.map((k) => compileValue(k, opts));
      return (ctx) => indexChain(impl(ctx), keys.map((k) => k(ctx)));
    }
    case 'list': {
      const items = expr.items.map((x) => compileValue(x, opts));
      return (ctx) => items.map((i) => i(ctx));
    }
    case 'map': {
      const entries = expr.entries.map((e) => [e.key, compileValue(e.value, opts)] as const);
      return (ctx) => new Map(entries.map(([k, v]) => [k, toAnyValue(v(ctx))]));
    }
    case 'math': {
      const l = compileValue(expr.left, opts);
      const r = compileValue(expr.right, opts);
      const op = expr.op;
      return (ctx) => evalMath(l(ctx), op, r(ctx));
    }
  }
}

/** Math rules of §1.3: int with int, float with float, time/duration arithmetic; mixing is an error. */
function evalMath(a: OttlValue, op: '+' | '-' | '*' | '/', b: OttlValue): OttlValue {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (op === '/' && b === 0n) throw new OttlRuntimeError('attempted to divide by 0');
    const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
    return BigInt.asIntN(64, r);
  }
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '/' && b === 0) throw new OttlRuntimeError('attempted to divide by 0');
    return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
  }
  if (op === '+' || op === '-') {
    if (a instanceof OttlTime && b instanceof OttlTime && op === '-') return new OttlDuration(a.ns - b.ns);
    if (a instanceof OttlTime && b instanceof OttlDuration) return new OttlTime(op === '+' ? a.ns + b.ns : a.ns - b.ns);
    if (a instanceof OttlDuration && b instanceof OttlDuration) return new OttlDuration(op === '+' ? a.ns + b.ns : a.ns - b.ns);
  }
  throw new OttlRuntimeError(`unsupported math operation ${typeNameOf(a)} ${op} ${typeNameOf(b)}`);
}

/** Compile a boolean expression; `and`/`or` short-circuit left to right (§1.4). */
export function compileBool(expr: BoolExpr, opts: CompileOptions): (ctx: OttlTraceContext) => boolean {
  switch (expr.type) {
    case 'const': {
      const v = expr.value;
      return () => v;
    }
    case 'not': {
      const inner = compileBool(expr.operand, opts);
      return (ctx) => !inner(ctx);
    }
    case 'and': {
      const terms = expr.terms.map((t) => compileBool(t, opts));
      return (ctx) => terms.every((t) => t(ctx));
    }
    case 'or': {
      const terms = expr.terms.map((t) => compileBool(t, opts));
      return (ctx) => terms.some((t) => t(ctx));
    }
    case 'compare': {
      const l = compileValue(expr.left, opts);
      const r = compileValue(expr.right, opts);
      const op = expr.op;
      return (ctx) => compareValues(l(ctx), op, r(ctx));
    }
    case 'converter': {
      const v = compileValue(expr.expr, opts);
      return (ctx) => {
        const out = v(ctx);
        if (typeof out !== 'boolean') throw new OttlRuntimeError(`value returned from Converter in constExpr is not a bool: ${typeNameOf(out)}`);
        return out;
      };
    }
  }
}

/** Compile `editor(args) [where cond]` into a function that runs it for one item (§1.9). */
export function compileStatementAst(stmt: Statement, opts: CompileOptions): (ctx: OttlTraceContext) => void {
  const editor = compileCall(stmt.editor, 'editor', opts);
  const where = stmt.where ? compileBool(stmt.where, opts) : undefined;
  return (ctx) => {
    if (where && !where(ctx)) return;
    editor(ctx);
  };
}
