/**
 * Positions for the canvas (ADR 0003). Swimlanes are stacked top to bottom in the order the
 * pipelines are written. Inside each lane, dagre (a maintained layered-layout library) arranges
 * receivers → processors → exporters left to right and orders fan-in/fan-out to avoid crossings.
 * A connector is drawn once, in the receivers column of the first pipeline it feeds (or, if it
 * feeds none, among the exporters of the first pipeline feeding it), so lanes stay aligned and the
 * connector edge drops from one lane into the next.
 *
 * Layouts are cached per lane by the lane's structure: a value edit moves nothing and costs no
 * layout work; adding a processor re-lays only its lane.
 */
import dagre from '@dagrejs/dagre';
import type { GraphNode, PipelineGraph } from './pipelineGraph';

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 52;
const LANE_PAD_X = 18;
const LANE_HEADER = 34;
const LANE_PAD_BOTTOM = 16;
const LANE_GAP = 36;
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

/** Relative positions of one lane's nodes, keyed by the lane's own structure. */
export type LaneLayoutCache = Map<string, { width: number; height: number; offsets: Map<string, Point> }>;

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

function layOutLane(members: GraphNode[], edges: [string, string][]): { width: number; height: number; offsets: Map<string, Point> } {
  const offsets = new Map<string, Point>();
  if (members.length === 0) return { width: NODE_WIDTH + LANE_PAD_X * 2, height: LANE_HEADER + NODE_HEIGHT / 2 + LANE_PAD_BOTTOM, offsets };
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 44, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of members) g.setNode(node.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const [source, target] of edges) g.setEdge(source, target);
  dagre.layout(g);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of members) {
    const p = g.node(node.key) as { x: number; y: number };
    minX = Math.min(minX, p.x - NODE_WIDTH / 2);
    minY = Math.min(minY, p.y - NODE_HEIGHT / 2);
    maxX = Math.max(maxX, p.x + NODE_WIDTH / 2);
    maxY = Math.max(maxY, p.y + NODE_HEIGHT / 2);
  }
  for (const node of members) {
    const p = g.node(node.key) as { x: number; y: number };
    offsets.set(node.key, { x: LANE_PAD_X + p.x - NODE_WIDTH / 2 - minX, y: LANE_HEADER + p.y - NODE_HEIGHT / 2 - minY });
  }
  return { width: maxX - minX + LANE_PAD_X * 2, height: maxY - minY + LANE_HEADER + LANE_PAD_BOTTOM, offsets };
}

/** Lays out the whole graph. Pure: the same graph gives the same positions. */
export function layoutGraph(graph: PipelineGraph, cache: LaneLayoutCache = new Map()): GraphLayout {
  const hosts = connectorHosts(graph);
  const members = new Map<string, GraphNode[]>();
  for (const lane of graph.lanes) members.set(lane.pipelineId, []);
  for (const node of graph.nodes) {
    const lane = node.pipelineId ?? hosts.get(node.key);
    if (lane !== undefined) members.get(lane)?.push(node);
  }
  const memberLane = new Map<string, string>();
  for (const [lane, list] of members) for (const node of list) memberLane.set(node.key, lane);
  const laneEdges = new Map<string, [string, string][]>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'flow' || edge.pipelineId === null) continue;
    if (memberLane.get(edge.source) !== edge.pipelineId || memberLane.get(edge.target) !== edge.pipelineId) continue;
    const list = laneEdges.get(edge.pipelineId) ?? [];
    list.push([edge.source, edge.target]);
    laneEdges.set(edge.pipelineId, list);
  }

  const nodes: Record<string, Point> = {};
  const lanes: Record<string, Box> = {};
  const used = new Set<string>();
  let y = 0;
  for (const lane of graph.lanes) {
    const list = members.get(lane.pipelineId) ?? [];
    const edges = laneEdges.get(lane.pipelineId) ?? [];
    const signature = `${list.map((n) => n.key).join('\u0001')}\u0002${edges.map((e) => e.join('>')).join('\u0001')}`;
    let laid = cache.get(signature);
    if (!laid) {
      laid = layOutLane(list, edges);
      cache.set(signature, laid);
    }
    used.add(signature);
    lanes[lane.pipelineId] = { x: 0, y, width: laid.width, height: laid.height };
    for (const [key, offset] of laid.offsets) nodes[key] = { x: offset.x, y: y + offset.y };
    y += laid.height + LANE_GAP;
  }
  // Forget lanes that no longer exist, so the cache cannot grow without bound.
  for (const key of cache.keys()) if (!used.has(key)) cache.delete(key);

  // Connectors used on one side only and extensions: a strip above the lanes.
  const strip = graph.nodes.filter((n) => n.kind === 'extension' || (n.kind === 'connector' && !hosts.has(n.key)));
  strip.forEach((node, i) => {
    nodes[node.key] = { x: i * (NODE_WIDTH + 24), y: -NODE_HEIGHT - EXTENSION_GAP };
  });
  return { nodes, lanes, structure: structureKey(graph) };
}

/**
 * Reuses the previous layout when the structure is unchanged (a value edit), so nothing moves and
 * no layout work is done; otherwise lays out again, reusing every unchanged lane.
 */
export function layoutIncremental(graph: PipelineGraph, previous: GraphLayout | null, cache?: LaneLayoutCache): GraphLayout {
  if (previous && previous.structure === structureKey(graph)) return previous;
  return layoutGraph(graph, cache);
}
