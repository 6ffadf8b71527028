/**
 * Rebuilds pdata for chosen rows, grouped by resource and scope as OTLP groups them
 * (engine-design.md "Storage"): components receive batches in this shape, exactly as a
 * Collector component receives a `ptrace.Traces`.
 */
import type { ResourceSpans, ScopeSpans, TracesData } from './pdata';
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
        const r = store.resources[sc.resource]!;
        rs = { resource: { attributes: new Map(r.attributes), droppedAttributesCount: r.droppedAttributesCount }, schemaUrl: r.schemaUrl, scopeSpans: [] };
        byResource.set(sc.resource, rs);
        resourceSpans.push(rs);
      }
      ss = {
        scope: { name: sc.scope.name, version: sc.scope.version, attributes: new Map(sc.scope.attributes), droppedAttributesCount: sc.scope.droppedAttributesCount },
        schemaUrl: sc.schemaUrl,
        spans: [],
      };
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
