/**
 * A run's counts keyed by canvas node and edge keys, for the canvas overlay. The result's
 * `NodeStats.key` / `EdgeStats.key` are the graph's keys (the worker builds the same graph from
 * the same text), so no matching by name is needed.
 */
import type { RunSummary } from '../../core/simulation/preview/previewTypes';

export interface NodeFlow {
  readonly spansIn: number;
  readonly spansOut: number;
  readonly tracesIn: number;
  readonly tracesOut: number;
  readonly dropped: number;
  readonly metricPoints: number;
  readonly simulated: boolean;
  readonly kind: string;
  readonly note: string | null;
  /** Why the engine refused to build the component (it then drops what it gets), if it did. */
  readonly error: string | null;
}

export interface EdgeFlow {
  readonly spans: number;
  readonly traces: number;
  readonly metricPoints: number;
  /** Stroke width: 1.5 px for nothing, up to 7 px for the busiest edge (square-root scale). */
  readonly width: number;
}

export interface FlowOverlay {
  readonly nodes: ReadonlyMap<string, NodeFlow>;
  readonly edges: ReadonlyMap<string, EdgeFlow>;
  readonly stale: boolean;
}

/** Builds the overlay from a run's summary. */
export function flowOverlay(result: RunSummary, stale: boolean): FlowOverlay {
  const nodes = new Map<string, NodeFlow>();
  for (const n of result.nodes) {
    nodes.set(n.key, {
      spansIn: n.spansIn,
      spansOut: n.spansOut,
      tracesIn: n.tracesIn,
      tracesOut: n.tracesOut,
      dropped: n.kind === 'processor' ? Math.max(0, n.spansIn - n.spansOut) : 0,
      metricPoints: n.metricPoints,
      simulated: n.simulated,
      kind: n.kind,
      note: n.errors[0] ?? n.notes[0] ?? null,
      error: n.errors[0] ?? null,
    });
  }
  const volume = (e: { spans: number; metricPoints: number }) => Math.max(e.spans, e.metricPoints);
  const max = result.edges.reduce((m, e) => Math.max(m, volume(e)), 0);
  const edges = new Map<string, EdgeFlow>();
  for (const e of result.edges) {
    const v = volume(e);
    edges.set(e.key, { spans: e.spans, traces: e.traces, metricPoints: e.metricPoints, width: max === 0 || v === 0 ? 1.5 : 1.5 + 5.5 * Math.sqrt(v / max) });
  }
  return { nodes, edges, stale };
}
