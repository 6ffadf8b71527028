/**
 * Components that are defined but in no pipeline are not part of the derived graph; the canvas
 * still shows them in a row under the lanes ("not in any pipeline"), so a component dropped onto
 * empty canvas can be seen, connected into a lane, inspected or deleted.
 */
import type { ComponentId } from '../../core/config/componentId';
import type { ConfigModel } from '../../core/config/configModel';
import { NODE_HEIGHT, NODE_WIDTH, type GraphLayout, type Point } from '../../core/graph/layoutGraph';
import type { GraphNode, PipelineGraph } from '../../core/graph/pipelineGraph';

export const UNPLACED_PREFIX = 'unplaced:';

/**
 * At most `limit` of them: a config with thousands of unused definitions (a 5 MB import) must not
 * turn into thousands of canvas nodes; the rest stay reachable from the YAML and the problems list.
 */
export function unplacedNodes(model: ConfigModel, graph: PipelineGraph, limit = 48): GraphNode[] {
  const shown = new Set(graph.nodes.map((n) => `${n.kind}:${n.componentId}`));
  const out: GraphNode[] = [];
  for (const c of model.components) {
    if (out.length >= limit) break;
    if (c.kind === 'extension' || c.idError || shown.has(`${c.kind}:${c.id}`)) continue;
    out.push({
      key: `${UNPLACED_PREFIX}${c.kind}:${c.id}`,
      componentId: c.id as ComponentId,
      kind: c.kind,
      type: c.type,
      pipelineId: null,
      role: null,
      index: 0,
      defined: true,
      inCycle: false,
      range: c.range,
      signals: [],
    });
  }
  return out;
}

/** Default spots for unplaced nodes: one row below the lowest lane. */
export function unplacedPositions(nodes: readonly GraphNode[], layout: GraphLayout): Record<string, Point> {
  let bottom = 0;
  for (const box of Object.values(layout.lanes)) bottom = Math.max(bottom, box.y + box.height);
  const y = Object.keys(layout.lanes).length > 0 ? bottom + 48 : 0;
  const positions: Record<string, Point> = {};
  nodes.forEach((n, i) => {
    positions[n.key] = { x: (i % 6) * (NODE_WIDTH + 24), y: y + Math.floor(i / 6) * (NODE_HEIGHT + 20) };
  });
  return positions;
}
