/**
 * How OTTL functions declare their parameters and receive compiled arguments (processors-spec
 * §1.6, §1.9). Literal parameters (`string`, `int`, `bool`, `stringList`) must be literals in the
 * text and are checked at start-up, as the Collector checks them when it builds the function.
 */
import type { OttlContextName, OttlTraceContext } from './ottlContext';
import type { Getter, Setter } from './paths';
import { OttlCompileError, type OttlValue } from './ottlValue';

export type ParamKind = 'getter' | 'getSetter' | 'string' | 'int' | 'bool' | 'stringList' | 'getterList' | 'function';

export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional?: boolean;
}

export type CompiledArg =
  | { readonly kind: 'getter'; readonly get: Getter }
  | { readonly kind: 'getSetter'; readonly get: Getter; readonly set: Setter }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'stringList'; readonly value: readonly string[] }
  | { readonly kind: 'getterList'; readonly items: readonly Getter[] }
  | { readonly kind: 'function'; readonly name: string; readonly apply: (v: OttlValue) => OttlValue }
  | { readonly kind: 'absent' };

/** Typed access to the compiled arguments of one call. */
export class Args {
  constructor(
    readonly fn: string,
    private readonly items: readonly CompiledArg[],
  ) {}
  private at(i: number): CompiledArg {
    return this.items[i] ?? { kind: 'absent' };
  }
  has(i: number): boolean {
    return this.at(i).kind !== 'absent';
  }
  getter(i: number): Getter {
    const a = this.at(i);
    if (a.kind === 'getter' || a.kind === 'getSetter') return a.get;
    throw new OttlCompileError(`${this.fn}: argument ${i + 1} is missing`);
  }
  optionalGetter(i: number): Getter | undefined {
    return this.has(i) ? this.getter(i) : undefined;
  }
  getSetter(i: number): { get: Getter; set: Setter } {
    const a = this.at(i);
    if (a.kind === 'getSetter') return a;
    throw new OttlCompileError(`${this.fn}: argument ${i + 1} must be a path that can be set`);
  }
  string(i: number, fallback?: string): string {
    const a = this.at(i);
    if (a.kind === 'string') return a.value;
    if (fallback !== undefined) return fallback;
    throw new OttlCompileError(`${this.fn}: argument ${i + 1} must be a string literal`);
  }
  int(i: number, fallback?: bigint): bigint {
    const a = this.at(i);
    if (a.kind === 'int') return a.value;
    if (fallback !== undefined) return fallback;
    throw new OttlCompileError(`${this.fn}: argument ${i + 1} must be an int literal`);
  }
  bool(i: number, fallback: boolean): boolean {
    const a = this.at(i);
    return a.kind === 'bool' ? a.value : fallback;
  }
  stringList(i: number): readonly string[] {
    const a = this.at(i);
    return a.kind === 'stringList' ? a.value : [];
  }
  getterList(i: number): readonly Getter[] {
    const a = this.at(i);
    if (a.kind === 'getterList') return a.items;
    throw new OttlCompileError(`${this.fn}: argument ${i + 1} must be a list`);
  }
  fn1(i: number): ((v: OttlValue) => OttlValue) | undefined {
    const a = this.at(i);
    return a.kind === 'function' ? a.apply : undefined;
  }
}

export interface BuildEnv {
  /** Gate `ottl.set.allowNil` (processors-spec §1.12 `set`). */
  readonly allowNil: boolean;
}

export type Impl = (ctx: OttlTraceContext) => OttlValue;

export interface OttlFunctionDef {
  readonly name: string;
  readonly kind: 'editor' | 'converter';
  readonly params: readonly ParamSpec[];
  /** Contexts that support the function; absent = all (§1.11 inference step 3). */
  readonly contexts?: readonly OttlContextName[];
  readonly build: (args: Args, env: BuildEnv) => Impl;
}

/** Shorthand for a parameter list: `p('target', 'getter')`, `opt('format', 'getter')`. */
export function p(name: string, kind: ParamKind): ParamSpec {
  return { name, kind };
}

export function opt(name: string, kind: ParamKind): ParamSpec {
  return { name, kind, optional: true };
}
