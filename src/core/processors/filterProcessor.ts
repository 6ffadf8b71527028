/**
 * filter processor for traces (processors-spec §2): `trace_conditions` (newest, context
 * inferred per condition or explicit per group), deprecated `traces.resource|span|spanevent`
 * blocks, and legacy `spans.include|exclude` match properties.
 */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import type { TracesData } from '../telemetry/pdata';
import { compileCondition, type CompiledCondition } from '../ottl/compileCondition';
import { parseContextName, resourceContext, scopeContext, spanContext, spanEventContext, type OttlContextName, type OttlTraceContext } from '../ottl/ottlContext';
import { configObject, listField, objectField, type ConfigObject } from './configReader';
import { parseErrorMode, type ErrorMode } from './errorMode';
import { compileSkipPredicate, type SpanPredicate } from './matchProperties';
import { pruneEmpty, statelessProcessor } from './statelessProcessor';
import type { ComponentOptions } from './componentOptions';

export interface BucketedCondition {
  readonly condition: CompiledCondition;
  readonly errorMode: ErrorMode;
}

export type Buckets = Record<OttlContextName, BucketedCondition[]>;

function compileInto(id: string, buckets: Buckets, text: unknown, context: OttlContextName | 'infer', errorMode: ErrorMode, options: ComponentOptions): void {
  if (typeof text !== 'string') throw new ComponentConfigError(id, `conditions must be strings, got ${typeof text}`);
  const c = compileCondition(text, context, { featureGates: options.featureGates ?? {} });
  if (!c.ok) throw new ComponentConfigError(id, c.error);
  buckets[c.context].push({ condition: c, errorMode });
}

function readConditions(id: string, o: ConfigObject, processorMode: ErrorMode, options: ComponentOptions): Buckets {
  const buckets: Buckets = { resource: [], scope: [], span: [], spanevent: [] };
  const flat = listField(id, o, 'trace_conditions');
  const traces = objectField(id, o, 'traces');
  const legacyBlocks = traces && ['resource', 'span', 'spanevent'].some((k) => traces[k] !== undefined);
  if (flat.length > 0 && legacyBlocks)
    throw new ComponentConfigError(
      id,
      'cannot use context inferred trace conditions "trace_conditions" and the settings "traces.resource", "traces.span", "traces.spanevent" at the same time',
    );
  if (legacyBlocks && objectField(id, o, 'spans'))
    throw new ComponentConfigError(
      id,
      'cannot use "traces.resource", "traces.span", "traces.spanevent" and the span settings "spans.include", "spans.exclude" at the same time',
    );
  const strings = flat.filter((x) => typeof x === 'string').length;
  if (strings > 0 && strings < flat.length)
    throw new ComponentConfigError(id, 'configuring multiple configuration styles is not supported, please use only Basic configuration or only Advanced configuration');
  for (const entry of flat) {
    if (typeof entry === 'string') {
      compileInto(id, buckets, entry, 'infer', processorMode, options); // each condition bucketed on its own (§2.3)
      continue;
    }
    const group = configObject(id, entry);
    const mode = parseErrorMode(id, group.error_mode, processorMode);
    let context: OttlContextName | 'infer' = 'infer';
    if (group.context !== undefined && group.context !== null && group.context !== '') {
      const c = parseContextName(String(group.context));
      if (!c) throw new ComponentConfigError(id, `unknown context ${String(group.context)}`);
      context = c;
    }
    for (const text of listField(id, group, 'conditions')) compileInto(id, buckets, text, context, mode, options);
  }
  if (traces) {
    for (const ctx of ['resource', 'span', 'spanevent'] as const)
      for (const text of listField(id, traces, ctx)) compileInto(id, buckets, text, ctx, processorMode, options);
  }
  return buckets;
}

/** A filter's conditions, compiled once (shared by the object path and the columnar run, decision 0014). */
export interface CompiledTraceFilter {
  readonly buckets: Readonly<Buckets>;
  readonly legacySkip: SpanPredicate | undefined;
}

/** Compiles a filter config; throws {@link ComponentConfigError} for start-up rejections. */
export function compileTraceFilter(id: string, config: unknown, options: ComponentOptions = {}): CompiledTraceFilter {
  const o = configObject(id, config);
  const errorMode = parseErrorMode(id, o.error_mode); // newest default: ignore (§2.5)
  const buckets = readConditions(id, o, errorMode, options);
  const spans = objectField(id, o, 'spans');
  const legacySkip: SpanPredicate | undefined = spans ? compileSkipPredicate(id, spans) : undefined;
  if (spans && !legacySkip) throw new ComponentConfigError(id, 'spans: at least one of "include" or "exclude" must be specified');
  return { buckets, legacySkip };
}

/**
 * Any condition true = drop (§2.2); an erroring condition counts as false, and under propagate
 * its error is collected into `errors` (returned at the end, §2.3 step 6).
 */
export function anyConditionTrue(list: readonly BucketedCondition[], ctx: OttlTraceContext, errors: string[]): boolean {
  for (const { condition, errorMode: mode } of list) {
    const r = condition.evaluate(ctx);
    if (r.ok) {
      if (r.value) return true;
      continue;
    }
    if (mode === 'propagate') errors.push(`failed to eval condition: ${condition.text}, ${r.error}`);
  }
  return false;
}

/** The filter's error for a payload (data not forwarded), from the collected condition errors. */
export function filterError(errors: readonly string[]): string | undefined {
  return errors.length > 0 ? [...new Set(errors)].join('; ') : undefined;
}

/** Build a filter processor; throws {@link ComponentConfigError} for start-up rejections. */
export function createFilterProcessor(id: string, config: unknown, options: ComponentOptions = {}): TracesComponent {
  const { buckets, legacySkip } = compileTraceFilter(id, config, options);
  return statelessProcessor(id, (data: TracesData) => {
    const errors: string[] = [];
    const anyTrue = (list: readonly BucketedCondition[], ctx: OttlTraceContext): boolean => anyConditionTrue(list, ctx, errors);
    const cache = new Map();
    data.resourceSpans = data.resourceSpans.filter((rs) => {
      if (anyTrue(buckets.resource, resourceContext(rs, cache))) return false;
      rs.scopeSpans = rs.scopeSpans.filter((ss) => {
        if (anyTrue(buckets.scope, scopeContext(rs, ss, cache))) return false;
        ss.spans = ss.spans.filter((span) => {
          if (legacySkip && legacySkip(rs.resource, ss.scope, span)) return false;
          if (anyTrue(buckets.span, spanContext(rs, ss, span, cache))) return false;
          if (buckets.spanevent.length > 0) {
            // A span whose events are all removed is kept (§2.3 step 3).
            span.events = span.events.filter((_, i) => !anyTrue(buckets.spanevent, spanEventContext(rs, ss, span, i, cache)));
          }
          return true;
        });
        return ss.spans.length > 0;
      });
      return rs.scopeSpans.length > 0;
    });
    const error = filterError(errors);
    if (error !== undefined) return { data: null, error };
    return { data: pruneEmpty(data) }; // nothing left = skip: not forwarded, no error (§2.3 step 5)
  });
}
