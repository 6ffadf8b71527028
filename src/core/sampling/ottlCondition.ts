import { compileCondition } from '../ottl/compileCondition';
import { spanContext, spanEventContext } from '../ottl/ottlContext';
import type { ResourceSpans, ScopeSpans, Span } from '../telemetry/pdata';

/**
 * The small interface the tail sampler's `ottl_condition` policy needs from OTTL (sampling-spec
 * §2.4.14). Evaluation never throws: a runtime failure comes back as `{ ok: false }` so the policy
 * can apply its `error_mode`.
 */
export type ConditionOutcome = { readonly ok: true; readonly value: boolean } | { readonly ok: false; readonly error: string };

/** One compiled condition evaluated for a span (its scope and resource reachable). */
export type SpanConditionEvaluator = (resourceSpans: ResourceSpans, scopeSpans: ScopeSpans, span: Span) => ConditionOutcome;

/** One compiled condition evaluated for the span event at `eventIndex` of `span`. */
export type SpanEventConditionEvaluator = (resourceSpans: ResourceSpans, scopeSpans: ScopeSpans, span: Span, eventIndex: number) => ConditionOutcome;

export type CompiledOttlCondition<E> = { readonly ok: true; readonly evaluate: E } | { readonly ok: false; readonly error: string };

/** Compiles conditions for the span and span-event contexts; injectable for tests. */
export interface OttlConditionCompiler {
  span(text: string): CompiledOttlCondition<SpanConditionEvaluator>;
  spanEvent(text: string): CompiledOttlCondition<SpanEventConditionEvaluator>;
}

/**
 * The compiler backed by `src/core/ottl` (`compileCondition`), with un-prefixed paths belonging to
 * the span / span-event context as in the Collector's `ottlspan` / `ottlspanevent` parsers.
 */
export function defaultOttlConditionCompiler(featureGates?: Readonly<Record<string, boolean>>): OttlConditionCompiler {
  const options = featureGates === undefined ? {} : { featureGates };
  return {
    span(text) {
      const c = compileCondition(text, 'span', options);
      if (!c.ok) return { ok: false, error: c.error };
      return { ok: true, evaluate: (rs, ss, span) => c.evaluate(spanContext(rs, ss, span)) };
    },
    spanEvent(text) {
      const c = compileCondition(text, 'spanevent', options);
      if (!c.ok) return { ok: false, error: c.error };
      return { ok: true, evaluate: (rs, ss, span, i) => c.evaluate(spanEventContext(rs, ss, span, i)) };
    },
  };
}
