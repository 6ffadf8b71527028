/**
 * Context inference for flat statements and conditions (processors-spec §1.11).
 */
import type { BoolExpr, FunctionCall, Statement, ValueExpr } from './ast';
import { contextHasEnums, findFunction } from './compileExpr';
import type { OttlFunctionDef } from './functionTypes';
import { CONTEXT_DEPTH, type OttlContextName } from './ottlContext';
import { pathPrefix } from './paths';

interface Usage {
  prefixes: Set<OttlContextName>;
  functions: Set<string>;
  enums: Set<string>;
}

function visitValue(e: ValueExpr, u: Usage): void {
  switch (e.type) {
    case 'path': {
      const p = pathPrefix(e.segments);
      if (p) u.prefixes.add(p);
      for (const s of e.segments) for (const k of s.keys) visitValue(k, u);
      return;
    }
    case 'enum':
      u.enums.add(e.name);
      return;
    case 'call':
      visitCall(e.call, u);
      for (const k of e.keys) visitValue(k, u);
      return;
    case 'list':
      for (const i of e.items) visitValue(i, u);
      return;
    case 'map':
      for (const x of e.entries) visitValue(x.value, u);
      return;
    case 'math':
      visitValue(e.left, u);
      visitValue(e.right, u);
      return;
    case 'literal':
      return;
  }
}

function visitCall(c: FunctionCall, u: Usage): void {
  u.functions.add(c.name);
  for (const a of c.args) visitValue(a.value, u);
}

function visitBool(e: BoolExpr, u: Usage): void {
  switch (e.type) {
    case 'or':
    case 'and':
      for (const t of e.terms) visitBool(t, u);
      return;
    case 'not':
      visitBool(e.operand, u);
      return;
    case 'compare':
      visitValue(e.left, u);
      visitValue(e.right, u);
      return;
    case 'converter':
      visitValue(e.expr, u);
      return;
    case 'const':
      return;
  }
}

function supportsAll(u: Usage, c: OttlContextName, extra: readonly OttlFunctionDef[], deepest: number): boolean {
  return (
    CONTEXT_DEPTH[c] >= deepest &&
    (u.enums.size === 0 || contextHasEnums(c) || [...u.enums].every((n) => findFunction(n, extra)?.kind === 'converter')) &&
    [...u.functions].every((f) => {
      const def = findFunction(f, extra);
      return !def || !def.contexts || def.contexts.includes(c);
    })
  );
}

// Earlier = more specific (§1.11 step 2).
const PRIORITY: readonly OttlContextName[] = ['spanevent', 'span', 'resource', 'scope'];
const LOWER: Readonly<Record<OttlContextName, readonly OttlContextName[]>> = {
  resource: ['scope', 'span', 'spanevent'],
  scope: ['span', 'spanevent'],
  span: ['spanevent'],
  spanevent: [],
};

/**
 * Pick the context for parsed statements/conditions, or explain why none fits. `extra` are
 * component functions (routing `route()`), which every context supports.
 */
export function inferContext(
  items: readonly (Statement | BoolExpr)[],
  extra: readonly OttlFunctionDef[] = [],
): { ok: true; context: OttlContextName } | { ok: false; error: string } {
  const u: Usage = { prefixes: new Set(), functions: new Set(), enums: new Set() };
  for (const item of items) {
    if ('editor' in item) {
      visitCall(item.editor, u);
      if (item.where) visitBool(item.where, u);
    } else visitBool(item, u);
  }
  const first = PRIORITY.find((c) => u.prefixes.has(c));
  if (!first && u.functions.size > 0) {
    // A path-less text that calls converters (e.g. `Substring("", 0, 100) == "test"`): the
    // filter vector `filter/trace_conditions/error-*` shows the Collector accepts it, although
    // §1.11 step 4 reads as a config error. We evaluate it per span (first context supporting
    // its functions and enums in span, spanevent, resource, scope order).
    const fallback = (['span', 'spanevent', 'resource', 'scope'] as const).find((c) => supportsAll(u, c, extra, 0));
    if (fallback) return { ok: true, context: fallback };
  }
  if (!first) return { ok: false, error: 'unable to infer a valid context: no path carries a context prefix (resource., scope., span., spanevent.)' };
  const deepest = Math.max(...[...u.prefixes].map((p) => CONTEXT_DEPTH[p]));
  for (const c of [first, ...LOWER[first]]) if (supportsAll(u, c, extra, deepest)) return { ok: true, context: c };
  return { ok: false, error: `unable to infer a valid context: "${first}" and its lower contexts do not support every path, function and enum used` };
}
