/** Deep copies of pdata traces (fan-out copies, connectors copying resource/scope, splits). */
import type { InstrumentationScope, Resource, ResourceSpans, ScopeSpans, Span, TracesData } from '../telemetry/pdata';
import { cloneAttributes } from '../ottl/ottlValue';

export function cloneResource(r: Resource): Resource {
  return { attributes: cloneAttributes(r.attributes), droppedAttributesCount: r.droppedAttributesCount };
}

export function cloneScope(s: InstrumentationScope): InstrumentationScope {
  return { name: s.name, version: s.version, attributes: cloneAttributes(s.attributes), droppedAttributesCount: s.droppedAttributesCount };
}

export function cloneSpan(s: Span): Span {
  return {
    ...s,
    attributes: cloneAttributes(s.attributes),
    events: s.events.map((e) => ({ ...e, attributes: cloneAttributes(e.attributes) })),
    links: s.links.map((l) => ({ ...l, attributes: cloneAttributes(l.attributes) })),
    status: { ...s.status },
  };
}

/** A ResourceSpans with copies of the resource and no scopes. */
export function emptyResourceSpansLike(rs: ResourceSpans): ResourceSpans {
  return { resource: cloneResource(rs.resource), schemaUrl: rs.schemaUrl, scopeSpans: [] };
}

/** A ScopeSpans with a copy of the scope and no spans. */
export function emptyScopeSpansLike(ss: ScopeSpans): ScopeSpans {
  return { scope: cloneScope(ss.scope), schemaUrl: ss.schemaUrl, spans: [] };
}

/** Deep copy of a whole payload. */
export function cloneTraces(data: TracesData): TracesData {
  return {
    resourceSpans: data.resourceSpans.map((rs) => ({
      resource: cloneResource(rs.resource),
      schemaUrl: rs.schemaUrl,
      scopeSpans: rs.scopeSpans.map((ss) => ({ scope: cloneScope(ss.scope), schemaUrl: ss.schemaUrl, spans: ss.spans.map(cloneSpan) })),
    })),
  };
}
