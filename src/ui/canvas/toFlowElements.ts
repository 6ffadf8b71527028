/**
 * Pure mapping from the derived graph and layout to React Flow nodes and edges. Keeping it a plain
 * function keeps the canvas component thin and makes the mapping testable without a browser.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Diagnostic } from '../../core/diagnostics/diagnostic';
import type { GraphLayout } from '../../core/graph/layoutGraph';
import type { GraphNode, PipelineGraph } from '../../core/graph/pipelineGraph';
import { SIGNAL_COLORS } from '../../core/graph/pipelineGraph';
import type { Highlight } from '../../state/uiStore';
import type { FlowOverlay, NodeFlow } from '../preview/flowOverlay';

export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
}

export interface ComponentNodeData extends Record<string, unknown> {
  readonly graphNode: GraphNode;
  readonly highlighted: boolean;
  readonly problems: ProblemCounts;
  readonly accent: string;
  /** Preview counts for this node; absent when there is no result (the canvas looks as without a preview). */
  readonly flow?: NodeFlow;
}

export interface LaneNodeData extends Record<string, unknown> {
  readonly pipelineId: string;
  readonly signal: string | null;
  readonly accent: string;
  readonly highlighted: boolean;
  readonly problems: ProblemCounts;
  readonly componentCount: number;
}

const NEUTRAL = '#7a8194';

function countProblems(diagnostics: readonly Diagnostic[]) {
  const byComponent = new Map<string, { errors: number; warnings: number }>();
  const byPipeline = new Map<string, { errors: number; warnings: number }>();
  const bump = (map: typeof byComponent, key: string, d: Diagnostic) => {
    const c = map.get(key) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') c.errors++;
    else if (d.severity === 'warning') c.warnings++;
    map.set(key, c);
  };
  for (const d of diagnostics) {
    if (d.componentId) bump(byComponent, d.componentId, d);
    else if (d.pipelineId) bump(byPipeline, d.pipelineId, d);
  }
  return { byComponent, byPipeline };
}

const NONE: ProblemCounts = { errors: 0, warnings: 0 };

export function toFlowElements(
  graph: PipelineGraph,
  layout: GraphLayout,
  diagnostics: readonly Diagnostic[],
  highlight: Highlight,
  selectedKey: string | null,
  flow: FlowOverlay | null = null,
): { nodes: Node[]; edges: Edge[] } {
  const { byComponent, byPipeline } = countProblems(diagnostics);
  const nodes: Node[] = [];
  for (const lane of graph.lanes) {
    const box = layout.lanes[lane.pipelineId];
    if (!box) continue;
    nodes.push({
      id: `lanebox:${lane.pipelineId}`,
      type: 'lane',
      position: { x: box.x, y: box.y },
      style: { width: box.width, height: box.height },
      width: box.width,
      height: box.height,
      data: {
        pipelineId: lane.pipelineId,
        signal: lane.signal,
        accent: lane.signal ? SIGNAL_COLORS[lane.signal] : NEUTRAL,
        highlighted: highlight.pipelineId === lane.pipelineId,
        problems: byPipeline.get(lane.pipelineId) ?? NONE,
        componentCount: lane.nodeKeys.length,
      } satisfies LaneNodeData,
      selectable: false,
      draggable: false,
      focusable: false,
      zIndex: -1,
    });
  }
  for (const node of graph.nodes) {
    const position = layout.nodes[node.key];
    if (!position) continue;
    const signal = node.signals[0];
    const matchesComponent = highlight.componentId === node.componentId && (highlight.kind === null || highlight.kind === node.kind);
    const matchesPipeline = highlight.pipelineId === null || node.pipelineId === null || highlight.pipelineId === node.pipelineId;
    nodes.push({
      id: node.key,
      type: 'component',
      position,
      data: {
        graphNode: node,
        highlighted: matchesComponent && matchesPipeline,
        problems: byComponent.get(node.componentId) ?? NONE,
        accent: node.kind === 'extension' ? NEUTRAL : signal ? SIGNAL_COLORS[signal] : NEUTRAL,
        ...(flow?.nodes.get(node.key) ? { flow: flow.nodes.get(node.key)! } : {}),
      } satisfies ComponentNodeData,
      selected: node.key === selectedKey,
      draggable: false,
      ariaLabel: `${node.kind} ${node.componentId}${node.pipelineId ? ` in pipeline ${node.pipelineId}` : ''}${node.defined ? '' : ' (not defined)'}${node.inCycle ? ' (on a cycle)' : ''}`,
    });
  }
  const edges: Edge[] = graph.edges.map((edge) => {
    const color = edge.inCycle ? 'var(--danger)' : edge.kind === 'extension' ? NEUTRAL : edge.signal ? SIGNAL_COLORS[edge.signal] : NEUTRAL;
    const counts = edge.kind === 'flow' ? flow?.edges.get(edge.key) : undefined;
    if (counts) {
      // Preview overlay: a custom edge with the volume as label and stroke width.
      return {
        id: edge.key,
        source: edge.source,
        target: edge.target,
        type: 'flow',
        className: `edge-flow edge-flow--counted${flow?.stale ? ' is-stale' : ''}`,
        style: { stroke: color, strokeWidth: counts.width },
        data: { ...counts, stale: flow?.stale ?? false },
        focusable: false,
        ariaLabel: `${edge.pipelineId ?? ''} flow: ${counts.metricPoints > 0 && counts.spans === 0 ? `${counts.metricPoints} data points` : `${counts.spans} spans in ${counts.traces} traces`}`,
      };
    }
    return {
      id: edge.key,
      source: edge.source,
      target: edge.target,
      ...(edge.kind === 'extension' ? { targetHandle: 'ext' } : {}),
      type: edge.kind === 'extension' ? 'default' : 'smoothstep',
      animated: edge.inCycle,
      className: edge.kind === 'extension' ? 'edge-extension' : edge.inCycle ? 'edge-cycle' : 'edge-flow',
      style: { stroke: color, strokeWidth: edge.kind === 'extension' ? 1 : 1.75, ...(edge.kind === 'extension' ? { strokeDasharray: '4 4' } : {}) },
      focusable: false,
      ariaLabel: edge.kind === 'extension' ? `extension link ${edge.source} to ${edge.target}` : `${edge.pipelineId ?? ''} flow`,
    };
  });
  return { nodes, edges };
}
