/**
 * Feeds `placeEdgeLabels` from the canvas: the boxes of what must stay visible (nodes, the
 * preview badge hanging under each node, lane titles), the badges and titles estimated from the
 * text they hold — the CSS sizes in `app.css`/`preview.css` with monospace character widths —
 * and one request per edge that carries a preview count. The estimate needs no DOM, so it also works for nodes React Flow
 * has not drawn (off screen on a large canvas).
 */
import type { Edge, Node } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/graph/layoutGraph';
import type { EdgeFlow } from '../preview/flowOverlay';
import { formatCompact } from '../preview/format';
import { placeEdgeLabels, type LabelRequest, type Rect } from './placeEdgeLabels';
import type { ComponentNodeData, LaneNodeData } from './toFlowElements';

/** Width of one character of 10px monospace (0.6em) and the label's padding and border; 12px line + border. */
const LABEL_CHAR = 6.1;
const LABEL_PAD = 10;
export const LABEL_HEIGHT = 14;

export interface CountedEdgeData extends EdgeFlow {
  readonly stale: boolean;
  /** Centre of the label in flow coordinates, when placed. */
  readonly label?: { readonly x: number; readonly y: number };
}

/** The text of a counted edge's label (its title and aria label say it in full). */
export function edgeLabelText(flow: EdgeFlow): string {
  return flow.spans === 0 && flow.metricPoints > 0 ? `${formatCompact(flow.metricPoints)} pts` : `${formatCompact(flow.spans)} spans · ${formatCompact(flow.traces)} traces`;
}

function labelWidth(text: string): number {
  return Math.ceil(text.length * LABEL_CHAR + LABEL_PAD);
}

/**
 * Rough length of the preview badge under a node (see NodeFlowBadge): the longest it gets for that
 * kind, and never shorter than its "failed to start" / "not simulated" notes.
 */
function flowBadgeChars(data: ComponentNodeData): number {
  const flow = data.flow;
  if (!flow) return 0;
  if (flow.kind === 'exporter') return 17;
  if (flow.kind === 'connector' || flow.dropped > 0) return 19;
  return 15;
}

function componentObstacles(node: Node, out: Rect[]): void {
  const data = node.data as ComponentNodeData;
  const { x, y } = node.position;
  // The whole node: React Flow paints nodes over edge labels, so a label under a node is hidden.
  // A pixel of slack each side lets a label sit in the 14px gap between two rows.
  out.push({ x: x + 1, y: y + 1, width: NODE_WIDTH - 2, height: NODE_HEIGHT - 2 });
  const chars = flowBadgeChars(data);
  if (chars > 0) {
    const width = chars * LABEL_CHAR + 14;
    out.push({ x: x + NODE_WIDTH / 2 - width / 2, y: y + NODE_HEIGHT - 9, width, height: 18 });
  }
}

function laneObstacle(node: Node): Rect {
  const data = node.data as LaneNodeData;
  const signal = (data.signal ?? 'unknown signal').length * 7.5 + 12;
  const badges = (data.problems.errors > 0 ? 26 : 0) + (data.problems.warnings > 0 ? 26 : 0);
  return { x: node.position.x, y: node.position.y, width: 10 + signal + 8 + data.pipelineId.length * 7.3 + 10 + badges, height: 30 };
}

/** The edges with a label spot for each counted one; the others unchanged. */
export function withLabelSpots(nodes: readonly Node[], edges: readonly Edge[]): Edge[] {
  const counted = edges.filter((e) => e.type === 'flow' && e.data);
  if (counted.length === 0) return edges as Edge[];
  const boxes = new Map<string, Rect>();
  const obstacles: Rect[] = [];
  for (const node of nodes) {
    if (node.type === 'lane') obstacles.push(laneObstacle(node));
    if (node.type !== 'component') continue;
    boxes.set(node.id, { x: node.position.x, y: node.position.y, width: NODE_WIDTH, height: NODE_HEIGHT });
    componentObstacles(node, obstacles);
  }
  const requests: LabelRequest[] = [];
  for (const e of counted) {
    const source = boxes.get(e.source);
    const target = boxes.get(e.target);
    if (source && target) requests.push({ id: e.id, source, target, width: labelWidth(edgeLabelText(e.data as unknown as EdgeFlow)), height: LABEL_HEIGHT });
  }
  const spots = placeEdgeLabels(requests, obstacles);
  return edges.map((e) => {
    const spot = spots.get(e.id);
    return spot ? { ...e, data: { ...e.data, label: spot } } : e;
  });
}
