/**
 * Positions for the canvas. Each lane is packed in columns (receivers, processors in order,
 * exporters) — deterministic, so a value edit never moves anything — and dagre (a maintained
 * layered-layout library, ADR 0003) arranges the lanes and connectors as a left-to-right flow:
 * a pipeline fed by a connector sits to the right of the pipeline that feeds it.
 */
import dagre from '@dagrejs/dagre';
import type { GraphNode, PipelineGraph } from './pipelineGraph';

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 52;
const COLUMN_GAP = 44;
const ROW_GAP = 14;
const LANE_PAD_X = 16;
const LANE_HEADER = 32;
const LANE_PAD_BOTTOM = 14;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box extends Point {
  readonly width: number;
  readonly height: number;
}

export interface GraphLayout {
  /** Top-left of every node, by node key. */
  readonly nodes: Readonly<Record<string, Point>>;
  /** Lane rectangles, by pipeline id. */
  readonly lanes: Readonly<Record<string, Box>>;
  /** The structure this layout was made for (see `structureKey`). */
  readonly structure: string;
}

/** A fingerprint of what the layout depends on: node keys, flow edges and lanes, not values. */
export function structureKey(graph: PipelineGraph): string {
  const parts: string[] = [];
  for (const lane of graph.lanes) parts.push(`L${lane.pipelineId}`);
  for (const node of graph.nodes) parts.push(node.key);
  for (const edge of graph.edges) if (edge.kind === 'flow') parts.push(`${edge.source}>${edge.target}`);
  return parts.join('\u0000');
}

interface LanePack {
  readonly width: number;
  readonly height: number;
  /** Offsets of the lane's nodes from the lane's top-left. */
  readonly offsets: Map<string, Point>;
}

function packLane(laneNodes: GraphNode[]): LanePack {
  const receivers = laneNodes.filter((n) => n.role === 'receivers');
  const processors = laneNodes.filter((n) => n.role === 'processors').sort((a, b) => a.index - b.index);
  const exporters = laneNodes.filter((n) => n.role === 'exporters');
  const columns: GraphNode[][] = [];
  if (receivers.length > 0) columns.push(receivers);
  for (const p of processors) columns.push([p]);
  if (exporters.length > 0) columns.push(exporters);
  const rows = Math.max(1, ...columns.map((c) => c.length));
  const innerHeight = rows * NODE_HEIGHT + (rows - 1) * ROW_GAP;
  const width = LANE_PAD_X * 2 + Math.max(1, columns.length) * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP;
  const height = LANE_HEADER + innerHeight + LANE_PAD_BOTTOM;
  const offsets = new Map<string, Point>();
  columns.forEach((column, c) => {
    const columnHeight = column.length * NODE_HEIGHT + (column.length - 1) * ROW_GAP;
    const top = LANE_HEADER + (innerHeight - columnHeight) / 2;
    column.forEach((node, r) => {
      offsets.set(node.key, { x: LANE_PAD_X + c * (NODE_WIDTH + COLUMN_GAP), y: top + r * (NODE_HEIGHT + ROW_GAP) });
    });
  });
  return { width, height, offsets };
}

/** Lays out the whole graph. Pure; the same graph gives the same positions. */
export function layoutGraph(graph: PipelineGraph): GraphLayout {
  const byLane = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (node.pipelineId === null) continue;
    const list = byLane.get(node.pipelineId) ?? [];
    list.push(node);
    byLane.set(node.pipelineId, list);
  }
  const packs = new Map<string, LanePack>();
  for (const lane of graph.lanes) packs.set(lane.pipelineId, packLane(byLane.get(lane.pipelineId) ?? []));

  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 72, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const lane of graph.lanes) {
    const pack = packs.get(lane.pipelineId)!;
    g.setNode(`lane:${lane.pipelineId}`, { width: pack.width, height: pack.height });
  }
  const connectors = graph.nodes.filter((n) => n.kind === 'connector');
  for (const c of connectors) g.setNode(c.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const laneOf = new Map<string, string>();
  for (const node of graph.nodes) if (node.pipelineId !== null) laneOf.set(node.key, `lane:${node.pipelineId}`);
  for (const edge of graph.edges) {
    if (edge.kind !== 'flow') continue;
    const source = laneOf.get(edge.source) ?? edge.source;
    const target = laneOf.get(edge.target) ?? edge.target;
    if (source === target) continue;
    if (!g.hasNode(source) || !g.hasNode(target)) continue;
    g.setEdge(source, target);
  }
  dagre.layout(g);

  const nodes: Record<string, Point> = {};
  const lanes: Record<string, Box> = {};
  let minX = Infinity;
  let minY = Infinity;
  for (const lane of graph.lanes) {
    const pack = packs.get(lane.pipelineId)!;
    const placed = g.node(`lane:${lane.pipelineId}`) as { x: number; y: number };
    const x = placed.x - pack.width / 2;
    const y = placed.y - pack.height / 2;
    lanes[lane.pipelineId] = { x, y, width: pack.width, height: pack.height };
    for (const [key, offset] of pack.offsets) nodes[key] = { x: x + offset.x, y: y + offset.y };
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
  }
  for (const c of connectors) {
    const placed = g.node(c.key) as { x: number; y: number };
    nodes[c.key] = { x: placed.x - NODE_WIDTH / 2, y: placed.y - NODE_HEIGHT / 2 };
    minX = Math.min(minX, nodes[c.key]!.x);
    minY = Math.min(minY, nodes[c.key]!.y);
  }
  if (!Number.isFinite(minX)) minX = 0;
  if (!Number.isFinite(minY)) minY = 0;
  // Extensions: a strip above the pipelines, in definition order.
  const extensions = graph.nodes.filter((n) => n.kind === 'extension');
  extensions.forEach((ext, i) => {
    nodes[ext.key] = { x: minX + i * (NODE_WIDTH + 24), y: minY - NODE_HEIGHT - 56 };
  });
  return { nodes, lanes, structure: structureKey(graph) };
}

/**
 * Reuses the previous layout when the structure is unchanged (a value edit), so nothing moves and
 * no layout work is done; otherwise lays out afresh.
 */
export function layoutIncremental(graph: PipelineGraph, previous: GraphLayout | null): GraphLayout {
  if (previous && previous.structure === structureKey(graph)) return previous;
  return layoutGraph(graph);
}
