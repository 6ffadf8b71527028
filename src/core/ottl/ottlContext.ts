/**
 * The trace contexts OTTL statements and conditions run in (processors-spec §1.7): what a
 * statement iterates over, and the objects its paths can reach. Lower contexts read through to
 * the objects above them (a span statement can read and write `resource.*` and `scope.*`).
 */
import type { Attributes, ResourceSpans, ScopeSpans, Span, SpanEvent } from '../telemetry/pdata';

export type OttlContextName = 'resource' | 'scope' | 'span' | 'spanevent';

export const OTTL_CONTEXT_NAMES: readonly OttlContextName[] = ['resource', 'scope', 'span', 'spanevent'];

/** Nesting depth: a context reaches every context of lower or equal depth. */
export const CONTEXT_DEPTH: Readonly<Record<OttlContextName, number>> = { resource: 0, scope: 1, span: 2, spanevent: 3 };

/**
 * One item under evaluation. `scopeSpans` is set from the scope context down, `span` from the span
 * context down, `spanEvent` in the span-event context only. `cache` is the scratch map of
 * `span.cache` / `resource.cache` (§1.7).
 */
export interface OttlTraceContext {
  readonly resourceSpans: ResourceSpans;
  readonly scopeSpans?: ScopeSpans;
  readonly span?: Span;
  readonly spanEvent?: SpanEvent;
  readonly eventIndex?: number;
  readonly cache: Attributes;
}

/** Context for a resource-level evaluation. */
export function resourceContext(resourceSpans: ResourceSpans, cache: Attributes = new Map()): OttlTraceContext {
  return { resourceSpans, cache };
}

/** Context for a scope-level evaluation. */
export function scopeContext(resourceSpans: ResourceSpans, scopeSpans: ScopeSpans, cache: Attributes = new Map()): OttlTraceContext {
  return { resourceSpans, scopeSpans, cache };
}

/** Context for one span (what the tail sampler's `ottl_condition` evaluates per span). */
export function spanContext(
  resourceSpans: ResourceSpans,
  scopeSpans: ScopeSpans,
  span: Span,
  cache: Attributes = new Map(),
): OttlTraceContext {
  return { resourceSpans, scopeSpans, span, cache };
}

/** Context for one span event. */
export function spanEventContext(
  resourceSpans: ResourceSpans,
  scopeSpans: ScopeSpans,
  span: Span,
  eventIndex: number,
  cache: Attributes = new Map(),
): OttlTraceContext {
  const spanEvent = span.events[eventIndex];
  return spanEvent
    ? { resourceSpans, scopeSpans, span, spanEvent, eventIndex, cache }
    : { resourceSpans, scopeSpans, span, cache };
}

/** Parse a context name from config (`instrumentation_scope` is an alias of `scope`). */
export function parseContextName(raw: string): OttlContextName | undefined {
  const lower = raw.toLowerCase();
  if (lower === 'instrumentation_scope') return 'scope';
  return (OTTL_CONTEXT_NAMES as readonly string[]).includes(lower) ? (lower as OttlContextName) : undefined;
}
