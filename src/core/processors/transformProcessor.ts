/**
 * transform processor, `trace_statements` (processors-spec §3.4): flat strings (each its own
 * group, context inferred) and structured groups (`context`, `conditions`, `statements`,
 * `error_mode`). Groups run in list order, each over the whole payload; items are never removed.
 */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import type { Attributes, TracesData } from '../telemetry/pdata';
import { compileParsedCondition, type CompiledCondition } from '../ottl/compileCondition';
import { compileParsedStatement, parseStatementText, type CompiledStatement } from '../ottl/compileStatement';
import { inferContext } from '../ottl/inferContext';
import {
  parseContextName,
  resourceContext,
  scopeContext,
  spanContext,
  spanEventContext,
  type OttlContextName,
  type OttlTraceContext,
} from '../ottl/ottlContext';
import { parseCondition } from '../ottl/parser';
import type { BoolExpr, Statement } from '../ottl/ast';
import { configObject, listField } from './configReader';
import type { ComponentOptions } from './componentOptions';
import { parseErrorMode, type ErrorMode } from './errorMode';
import { statelessProcessor } from './statelessProcessor';

interface Group {
  readonly context: OttlContextName;
  readonly conditions: readonly CompiledCondition[];
  readonly statements: readonly CompiledStatement[];
  readonly errorMode: ErrorMode;
}

function compileGroup(
  id: string,
  statementTexts: readonly unknown[],
  conditionTexts: readonly unknown[],
  explicit: OttlContextName | undefined,
  errorMode: ErrorMode,
  options: ComponentOptions,
): Group {
  const asText = (t: unknown): string => {
    if (typeof t !== 'string') throw new ComponentConfigError(id, `statements and conditions must be strings, got ${typeof t}`);
    return t;
  };
  const stmts: [string, Statement][] = statementTexts.map((t) => {
    const text = asText(t);
    const parsed = parseStatementText(text);
    if (!parsed.ok) throw new ComponentConfigError(id, parsed.error);
    return [text, parsed.ast];
  });
  const conds: [string, BoolExpr][] = conditionTexts.map((t) => {
    const text = asText(t);
    const parsed = parseCondition(text);
    if (!parsed.ok) throw new ComponentConfigError(id, `unable to parse OTTL condition "${text}": ${parsed.error.message} (column ${parsed.error.column})`);
    return [text, parsed.value];
  });
  let context = explicit;
  if (!context) {
    // A group without context: one context inferred from all its texts (§1.11 step 1).
    const inferred = inferContext([...stmts.map(([, s]) => s), ...conds.map(([, c]) => c)]);
    if (!inferred.ok) throw new ComponentConfigError(id, `${inferred.error} in statements ${JSON.stringify(stmts.map(([t]) => t))}`);
    context = inferred.context;
  }
  const requirePrefix = explicit === undefined;
  const ottl = { featureGates: options.featureGates ?? {} };
  const statements = stmts.map(([text, ast]) => {
    const c = compileParsedStatement(text, ast, context, requirePrefix, ottl);
    if (!c.ok) throw new ComponentConfigError(id, c.error);
    return c;
  });
  const conditions = conds.map(([text, ast]) => {
    const c = compileParsedCondition(text, ast, context, ottl);
    if (!c.ok) throw new ComponentConfigError(id, c.error);
    return c;
  });
  return { context, conditions, statements, errorMode };
}

/** Every item of the group's context in the payload, in order. */
function* itemsOf(data: TracesData, context: OttlContextName, cache: Attributes): Generator<OttlTraceContext> {
  for (const rs of data.resourceSpans) {
    if (context === 'resource') {
      yield resourceContext(rs, cache);
      continue;
    }
    for (const ss of rs.scopeSpans) {
      if (context === 'scope') {
        yield scopeContext(rs, ss, cache);
        continue;
      }
      for (const span of ss.spans) {
        if (context === 'span') {
          yield spanContext(rs, ss, span, cache);
          continue;
        }
        for (let i = 0; i < span.events.length; i++) yield spanEventContext(rs, ss, span, i, cache);
      }
    }
  }
}

/** Build a transform processor; throws `ComponentConfigError` for start-up rejections. */
export function createTransformProcessor(id: string, config: unknown, options: ComponentOptions = {}): TracesComponent {
  const o = configObject(id, config);
  const errorMode = parseErrorMode(id, o.error_mode); // newest default: ignore (§1.10)
  const groups: Group[] = listField(id, o, 'trace_statements').map((entry) => {
    if (typeof entry === 'string') return compileGroup(id, [entry], [], undefined, errorMode, options);
    const g = configObject(id, entry);
    let context: OttlContextName | undefined;
    if (g.context !== undefined && g.context !== null && g.context !== '') {
      context = parseContextName(String(g.context));
      if (!context) throw new ComponentConfigError(id, `unknown context ${String(g.context)}`);
    }
    const statements = listField(id, g, 'statements');
    if (statements.length === 0) throw new ComponentConfigError(id, 'trace_statements: a group needs at least one statement');
    return compileGroup(id, statements, listField(id, g, 'conditions'), context, parseErrorMode(id, g.error_mode, errorMode), options);
  });

  return statelessProcessor(id, (data) => {
    const cache: Attributes = new Map(); // one cache per payload (§1.11)
    for (const group of groups) {
      for (const ctx of itemsOf(data, group.context, cache)) {
        if (group.conditions.length > 0) {
          let pass = false;
          for (const c of group.conditions) {
            const r = c.evaluate(ctx);
            if (!r.ok) {
              if (group.errorMode === 'propagate') return { data: null, error: `failed to eval condition: ${c.text}, ${r.error}` };
              continue;
            }
            if (r.value) {
              pass = true;
              break;
            }
          }
          if (!pass) continue;
        }
        for (const s of group.statements) {
          const r = s.execute(ctx);
          // propagate: the whole batch is not forwarded; ignore/silent: skip the statement (§1.10).
          if (!r.ok && group.errorMode === 'propagate') return { data: null, error: `failed to execute statement: ${s.text}, ${r.error}` };
        }
      }
    }
    return { data };
  });
}
