/**
 * A payload of a columnar run (decision 0014): the `ResourceSpans` of a `TracesData` as groups of
 * store rows. A group is one ResourceSpans (its store resource) and its rows, in order, with the
 * rows of one scope next to each other: one ScopeSpans per run of equal scope. This is exactly
 * the shape `materialize` gives a window, and the shape the object path's components keep
 * (filters drop spans and empty groups; tail_sampling holds one group per trace and arrival).
 */
import type { ResourceSpans, ScopeSpans, Span, TracesData } from '../../telemetry/pdata';
import { resourceAt, scopeAt } from '../../telemetry/materialize';
import type { SpanStore } from '../../telemetry/spanStore';
import { RowSpan, type RowView } from './rowView';

export interface RowGroup {
  readonly resource: number;
  readonly rows: readonly number[];
}

export interface RowPayload {
  readonly groups: readonly RowGroup[];
}

export function isRowPayload(p: RowPayload | TracesData): p is RowPayload {
  return (p as RowPayload).groups !== undefined;
}

/**
 * The rows of one arrival window as a payload shaped as `materialize(store, rows)` shapes it:
 * resources in order of their first row, scopes within a resource in order of their first row,
 * rows of a scope in the order given.
 */
export function windowPayload(store: SpanStore, rows: Uint32Array | readonly number[]): RowPayload {
  const byScope = new Map<number, number[]>();
  const scopesOfResource = new Map<number, number[]>();
  const resources: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const scope = store.scopeOf[row]!;
    let list = byScope.get(scope);
    if (list === undefined) {
      list = [];
      byScope.set(scope, list);
      const resource = store.scopes[scope]!.resource;
      let scopes = scopesOfResource.get(resource);
      if (scopes === undefined) {
        scopesOfResource.set(resource, (scopes = []));
        resources.push(resource);
      }
      scopes.push(scope);
    }
    list.push(row);
  }
  const groups: RowGroup[] = [];
  for (const resource of resources) {
    const scopes = scopesOfResource.get(resource)!;
    if (scopes.length === 1) groups.push({ resource, rows: byScope.get(scopes[0]!)! });
    else {
      const all: number[] = [];
      for (const s of scopes) for (const r of byScope.get(s)!) all.push(r);
      groups.push({ resource, rows: all });
    }
  }
  return { groups };
}

/** Resource and scope objects to share between views that only read them. */
export interface SharedObjects {
  resourceSpans(resource: number): ResourceSpans;
  scopeSpans(scope: number): ScopeSpans;
}

/**
 * One group as a ResourceSpans, as `materialize` builds it (copied attribute maps, one scope
 * object per run of a scope), with the spans from `span`; with `shared`, the resource and scope
 * objects are those (for readers only).
 */
export function resourceSpansOf(store: SpanStore, group: RowGroup, span: (row: number) => Span, shared?: SharedObjects): ResourceSpans {
  const resource = shared ? shared.resourceSpans(group.resource).resource : resourceAt(store, group.resource);
  const rs: ResourceSpans = { resource, schemaUrl: store.resources[group.resource]!.schemaUrl, scopeSpans: [] };
  const rows = group.rows;
  const scopeOf = store.scopeOf;
  // One ScopeSpans per run of equal scope, its span list made at its final length.
  for (let start = 0; start < rows.length; ) {
    const scope = scopeOf[rows[start]!]!;
    let end = start + 1;
    while (end < rows.length && scopeOf[rows[end]!] === scope) end++;
    const spans = new Array<Span>(end - start);
    for (let i = start; i < end; i++) spans[i - start] = span(rows[i]!);
    rs.scopeSpans.push({ scope: shared ? shared.scopeSpans(scope).scope : scopeAt(store, scope), schemaUrl: store.scopes[scope]!.schemaUrl, spans });
    start = end;
  }
  return rs;
}

/** The payload as pdata objects with every change of the stages before `view` (for exporters that print or keep data). */
export function materializePayload(view: RowView, payload: RowPayload): TracesData {
  return { resourceSpans: payload.groups.map((g) => resourceSpansOf(view.store, g, (row) => view.materializeSpan(row))) };
}

/**
 * The payload for a reader that never changes what it reads (an exporter: debug prints it): the
 * same shape with `RowSpan`s, which read every field from the columns as it is asked for.
 */
export function readOnlyPayload(view: RowView, payload: RowPayload, shared?: SharedObjects): TracesData {
  return { resourceSpans: payload.groups.map((g) => resourceSpansOf(view.store, g, (row) => new RowSpan(view, row), shared)) };
}

/** Resource and scope objects built once per stored resource and scope, as `materialize` builds them, for readers. */
export function sharedObjects(store: SpanStore): SharedObjects {
  const resources = new Map<number, ResourceSpans>();
  const scopes = new Map<number, ScopeSpans>();
  return {
    resourceSpans(resource) {
      let rs = resources.get(resource);
      if (rs === undefined) {
        rs = { resource: resourceAt(store, resource), schemaUrl: store.resources[resource]!.schemaUrl, scopeSpans: [] };
        resources.set(resource, rs);
      }
      return rs;
    },
    scopeSpans(scope) {
      let ss = scopes.get(scope);
      if (ss === undefined) {
        ss = { scope: scopeAt(store, scope), schemaUrl: store.scopes[scope]!.schemaUrl, spans: [] };
        scopes.set(scope, ss);
      }
      return ss;
    },
  };
}
