/**
 * Positions for the canvas (ADR 0003). Swimlanes are stacked top to bottom; inside a lane the
 * components are packed in columns — receivers, then each processor in list order, then
 * exporters — which is crossing-free by construction and deterministic, so a value edit never
 * moves anything. dagre (a maintained layered-layout library) orders the lanes: it ranks the
 * lane graph whose edges are connectors, so a pipeline fed by a connector sits below the
 * pipeline feeding it, and lanes unrelated by connectors keep the order they are written in.
 * A connector is drawn once, at the head of the receivers column of the first pipeline it feeds
 * (or among the exporters of the first pipeline feeding it, if it feeds none).
 */
import dagre from '@dagrejs/dagre';
import type { GraphNode, PipelineGraph } from './pipelineGraph';

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 52;
const COLUMN_GAP = 44;
const ROW_GAP = 14;
const LANE_PAD_X = 18;
const LANE_HEADER = 34;
const LANE_PAD_BOTTOM = 16;
const LANE_GAP = 36;
const LANE_INDENT = 48;
const EXTENSION_GAP = 60;

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

interface LaneLayout {
  readonly width: number;
  readonly height: number;
  /** Offsets of the lane's nodes from the lane's top-left. */
  readonly offsets: Map<string, Point>;
}

/** A fingerprint of what the layout depends on: node keys, flow edges and lanes, not values. */
export function structureKey(graph: PipelineGraph): string {
  const parts: string[] = [];
  for (const lane of graph.lanes) parts.push(`L${lane.pipelineId}`);
  for (const node of graph.nodes) parts.push(node.key);
  for (const edge of graph.edges) if (edge.kind === 'flow') parts.push(`${edge.source}>${edge.target}`);
  return parts.join('\u0000');
}

/** Decides which lane hosts each connector: the first lane it feeds, else the first feeding it. */
function connectorHosts(graph: PipelineGraph): Map<string, string> {
  const hosts = new Map<string, string>();
  const connectors = new Set(graph.nodes.filter((n) => n.kind === 'connector').map((n) => n.key));
  const laneOf = new Map<string, string>();
  for (const node of graph.nodes) if (node.pipelineId !== null) laneOf.set(node.key, node.pipelineId);
  const order = new Map(graph.lanes.map((l, i) => [l.pipelineId as string, i]));
  const pick = (key: string, lane: string | null) => {
    if (lane === null) return;
    const current = hosts.get(key);
    if (current === undefined || (order.get(lane) ?? 0) < (order.get(current) ?? 0)) hosts.set(key, lane);
  };
  for (const edge of graph.edges) {
    if (edge.kind === 'flow' && connectors.has(edge.source)) pick(edge.source, edge.pipelineId);
  }
  for (const edge of graph.edges) {
    if (edge.kind === 'flow' && connectors.has(edge.target) && !hosts.has(edge.target)) pick(edge.target, edge.pipelineId);
  }
  return hosts;
}

function packLane(members: GraphNode[], hosted: Set<string>): LaneLayout {
  const hostedIn = members.filter((n) => n.kind === 'connector' && hosted.has(n.key));
  const receivers = [...hostedIn, ...members.filter((n) => n.role === 'receivers')];
  const processors = members.filter((n) => n.role === 'processors').sort((a, b) => a.index - b.index);
  const exporters = [...members.filter((n) => n.role === 'exporters'), ...members.filter((n) => n.kind === 'connector' && !hosted.has(n.key))];
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

/**
 * Lane order and indent. dagre ranks the lane graph whose edges are connectors (network simplex:
 * a fed pipeline ranks below the pipelines feeding it) and each lane is indented by its rank, so
 * the canvas shows how deep a pipeline sits behind connectors. The order is the order the
 * pipelines are written in, moved only where a fed lane would otherwise come before a lane
 * feeding it (Kahn's algorithm with written order as the priority; on a cycle, written order).
 */
function orderLanes(graph: PipelineGraph, hosts: Map<string, string>): { order: string[]; rank: Map<string, number> } {
  const written = graph.lanes.map((l) => l.pipelineId as string);
  const rank = new Map<string, number>(written.map((id) => [id, 0]));
  const feeders = new Map<string, Set<string>>(written.map((id) => [id, new Set()]));
  let hasEdges = false;
  for (const edge of graph.edges) {
    if (edge.kind !== 'flow' || edge.pipelineId === null) continue;
    const host = hosts.get(edge.target);
    if (host !== undefined && host !== edge.pipelineId) {
      feeders.get(host)?.add(edge.pipelineId);
      hasEdges = true;
    }
  }
  if (!hasEdges) return { order: written, rank };
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 10, ranksep: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of written) g.setNode(id, { width: 10, height: 10 });
  for (const [to, from] of feeders) for (const f of from) g.setEdge(f, to);
  dagre.layout(g);
  const ys = written.map((id) => (g.node(id) as { y: number }).y);
  const levels = [...new Set(ys)].sort((a, b) => a - b);
  written.forEach((id, i) => rank.set(id, levels.indexOf(ys[i]!)));

  const placed = new Set<string>();
  const order: string[] = [];
  while (order.length < written.length) {
    const next = written.find((id) => !placed.has(id) && [...feeders.get(id)!].every((f) => placed.has(f) || f === id)) ?? written.find((id) => !placed.has(id))!;
    placed.add(next);
    order.push(next);
  }
  return { order, rank };
}

/** Lays out the whole graph. Pure: the same graph gives the same positions. */
export function layoutGraph(graph: PipelineGraph): GraphLayout {
  const hosts = connectorHosts(graph);
  const hostedIn = new Set<string>();
  const members = new Map<string, GraphNode[]>();
  for (const lane of graph.lanes) members.set(lane.pipelineId, []);
  for (const node of graph.nodes) {
    const lane = node.pipelineId ?? hosts.get(node.key);
    if (lane === undefined) continue;
    members.get(lane)?.push(node);
  }
  for (const edge of graph.edges) {
    if (edge.kind === 'flow' && edge.pipelineId !== null && hosts.get(edge.source) === edge.pipelineId) hostedIn.add(edge.source);
  }

  const nodes: Record<string, Point> = {};
  const lanes: Record<string, Box> = {};
  let y = 0;
  const { order, rank } = orderLanes(graph, hosts);
  for (const pipelineId of order) {
    const laid = packLane(members.get(pipelineId) ?? [], hostedIn);
    const x = (rank.get(pipelineId) ?? 0) * LANE_INDENT;
    lanes[pipelineId] = { x, y, width: laid.width, height: laid.height };
    for (const [key, offset] of laid.offsets) nodes[key] = { x: x + offset.x, y: y + offset.y };
    y += laid.height + LANE_GAP;
  }

  // Connectors used on one side only and extensions: a strip above the lanes.
  const strip = graph.nodes.filter((n) => n.kind === 'extension' || (n.kind === 'connector' && !hosts.has(n.key)));
  strip.forEach((node, i) => {
    nodes[node.key] = { x: i * (NODE_WIDTH + 24), y: -NODE_HEIGHT - EXTENSION_GAP };
  });
  return { nodes, lanes, structure: structureKey(graph) };
}

/**
 * Reuses the previous layout when the structure is unchanged (a value edit), so nothing moves and
 * no layout work is done; otherwise lays out again.
 */
export function layoutIncremental(graph: PipelineGraph, previous: GraphLayout | null): GraphLayout {
  if (previous && previous.structure === structureKey(graph)) return previous;
  return layoutGraph(graph);
}
