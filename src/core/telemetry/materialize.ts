/**
 * Rebuilds pdata for chosen rows, grouped by resource and scope as OTLP groups them
 * (engine-design.md "Storage"): components receive batches in this shape, exactly as a
 * Collector component receives a `ptrace.Traces`.
 */
import type { InstrumentationScope, Resource, ResourceSpans, ScopeSpans, TracesData } from './pdata';
import { spanAt, type SpanReadCache, type SpanStore } from './spanStore';

/**
 * The spans at `rows` as one payload. Resources and scopes appear in the order their first row
 * appears in `rows`; spans keep the order of `rows` within their scope. Resource and scope
 * attribute maps are copied, so callers may change the result freely. A `cache` (one per run over
 * the store) shares trace-id strings and string values between calls.
 */
export function materialize(store: SpanStore, rows: Uint32Array | readonly number[], cache?: SpanReadCache): TracesData {
  const byResource = new Map<number, ResourceSpans>();
  const byScope = new Map<number, ScopeSpans>();
  const resourceSpans: ResourceSpans[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const scopeIndex = store.scopeOf[row]!;
    let ss = byScope.get(scopeIndex);
    if (!ss) {
      const sc = store.scopes[scopeIndex]!;
      let rs = byResource.get(sc.resource);
      if (!rs) {
        rs = { resource: resourceAt(store, sc.resource), schemaUrl: store.resources[sc.resource]!.schemaUrl, scopeSpans: [] };
        byResource.set(sc.resource, rs);
        resourceSpans.push(rs);
      }
      ss = { scope: scopeAt(store, scopeIndex), schemaUrl: sc.schemaUrl, spans: [] };
      byScope.set(scopeIndex, ss);
      rs.scopeSpans.push(ss);
    }
    ss.spans.push(spanAt(store, row, cache));
  }
  return { resourceSpans };
}

/** Rows [start, end) as a Uint32Array (e.g. to materialize what one append added). */
export function rowRange(start: number, end: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, end - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}

/** Stored resource `index` as a pdata Resource of its own (the attribute map copied). */
export function resourceAt(store: SpanStore, index: number): Resource {
  const r = store.resources[index]!;
  return { attributes: new Map(r.attributes), droppedAttributesCount: r.droppedAttributesCount };
}

/** Stored scope `index` as a pdata InstrumentationScope of its own (the attribute map copied). */
export function scopeAt(store: SpanStore, index: number): InstrumentationScope {
  const sc = store.scopes[index]!.scope;
  return { name: sc.name, version: sc.version, attributes: new Map(sc.attributes), droppedAttributesCount: sc.droppedAttributesCount };
}
