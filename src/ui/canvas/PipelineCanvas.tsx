/**
 * The canvas: React Flow over the derived graph. It reads the newest readable analysis; when the
 * YAML is broken it keeps that graph, dims it and says why (sync-design.md "Echoes and staleness").
 */
import { useCallback, useMemo } from 'react';
import { Controls, MiniMap, ReactFlow, type Node, type NodeMouseHandler } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { selectIsStale, selectShownAnalysis } from '../../state/documentStore';
import { useDocument, useSimulation, useStores, useUi } from '../app/StoreContext';
import { flowOverlay } from '../preview/flowOverlay';
import { CanvasBackground } from './CanvasBackground';
import { ComponentNode } from './ComponentNode';
import { CountedEdge } from './CountedEdge';
import { withLabelSpots } from './edgeLabelLayout';
import { LaneNode } from './LaneNode';
import { toFlowElements, type ComponentNodeData } from './toFlowElements';
// Canvas editing (issue #5): drops, edges, reordering, node menu, toolbar.
import { CanvasToolbar } from './CanvasToolbar';
import { MissingComponents } from './MissingComponents';
import { NodeMenu } from './NodeMenu';
import { useCanvasEditing } from './useCanvasEditing';
import './canvasEditing.css';

// Module scope: an inline object would remount every node on each render (web-stack.md).
const nodeTypes = { component: ComponentNode, lane: LaneNode };
const edgeTypes = { flow: CountedEdge };
const proOptions = { hideAttribution: true };
const FIT = { padding: 0.12, maxZoom: 1.1 };
/** Taller than this (flow px), fitting everything would shrink nodes past reading: the view opens on the top lanes instead. */
const TALL = 2400;
const TOP_BAND = 1200;
// What a focused node answers to (read by screen readers as each node's description); see useCanvasEditing.
const ariaLabelConfig = {
  'node.a11yDescription.default':
    'Arrow keys: go to the nearest node. Enter: open its settings. Shift+arrow keys: move it. Alt+left or right arrow: move a processor earlier or later. Delete or the context-menu key: its actions (connect, rename, remove, delete).',
};

export function PipelineCanvas() {
  const { ui } = useStores();
  const shown = useDocument(selectShownAnalysis);
  const stale = useDocument(selectIsStale);
  const breakingError = useDocument((s) => (s.analysis?.broken ? (s.analysis.diagnostics.find((d) => d.severity === 'error') ?? null) : null));
  const highlight = useUi(useShallow((s) => s.highlight));
  const selected = useUi((s) => s.selectedNodeKey);
  const theme = useUi((s) => s.theme);
  const runResult = useSimulation((s) => s.current?.result ?? null);
  const runStale = useSimulation((s) => s.stale);
  const flow = useMemo(() => (runResult ? flowOverlay(runResult, runStale) : null), [runResult, runStale]);

  const { nodes, edges } = useMemo(() => {
    if (!shown) return { nodes: [], edges: [] };
    return toFlowElements(shown.graph, shown.layout, shown.diagnostics, highlight, selected, flow);
  }, [shown, highlight, selected, flow]);

  const editing = useCanvasEditing(shown, { nodes, edges });
  // Preview counts go where they cover no node text, given where the nodes are now (user positions included).
  const placedEdges = useMemo(() => withLabelSpots(editing.nodes, edges), [editing.nodes, edges]);

  const onNodeClick: NodeMouseHandler = useCallback(
    (_, node: Node) => {
      if (node.type !== 'component') return;
      const { graphNode } = node.data as ComponentNodeData;
      ui.getState().select(node.id);
      if (graphNode.range) ui.getState().revealRange(graphNode.range);
    },
    [ui],
  );

  const empty = shown !== null && shown.graph.nodes.length === 0 && shown.graph.lanes.length === 0 && editing.nodes.length === 0;
  // Fit the view when the set of lanes changes (a new document), not on every value edit.
  const fitKey = shown ? shown.graph.lanes.map((l) => l.pipelineId).join('|') : '';
  const fitViewOptions = useMemo(() => {
    const boxes = shown ? shown.graph.lanes.flatMap((l) => (shown.layout.lanes[l.pipelineId] ? [{ id: l.pipelineId, box: shown.layout.lanes[l.pipelineId]! }] : [])) : [];
    if (boxes.length === 0) return FIT;
    const top = Math.min(...boxes.map((b) => b.box.y));
    const bottom = Math.max(...boxes.map((b) => b.box.y + b.box.height));
    if (bottom - top <= TALL) return FIT;
    return { ...FIT, nodes: boxes.filter((b) => b.box.y < top + TOP_BAND).map((b) => ({ id: `lanebox:${b.id}` })) };
  }, [shown]);

  return (
    <section className={`canvas${stale ? ' canvas--stale' : ''}`} aria-label="Pipeline canvas" onKeyDown={editing.onKeyDown}>
      <CanvasToolbar nodes={editing.nodes} edges={edges} pipelineIds={shown?.graph.lanes.map((l) => l.pipelineId) ?? []} />
      {shown && <MissingComponents graph={shown.graph} />}
      {editing.menu && shown && (
        <NodeMenu anchor={editing.menu} shown={shown} graphNodes={editing.graphNodes} onClose={editing.closeMenu} connectNodes={editing.connectNodes} moveProcessor={editing.moveProcessor} />
      )}
      {stale && breakingError && (
        <div className="canvas__banner" role="status">
          <strong>The YAML does not parse</strong>
          {breakingError.range ? ` (line ${breakingError.range.start.line})` : ''}: {breakingError.message}. Showing the last valid graph.
        </div>
      )}
      {empty && (
        <div className="canvas__empty" role="note">
          No pipelines yet. Add one with <strong>New pipeline</strong> and drag components from the palette onto its lane, or define them in the YAML under <code>service.pipelines</code>.
        </div>
      )}
      <ReactFlow
        key={fitKey}
        nodes={editing.nodes}
        edges={placedEdges}
        {...editing.handlers}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        onPaneClick={() => ui.getState().select(null)}
        nodesDraggable
        nodesConnectable
        disableKeyboardA11y
        deleteKeyCode={null}
        elementsSelectable
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={2}
        colorMode={theme}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabelConfig}
        onlyRenderVisibleElements={nodes.length > 400}
        aria-label="Pipeline graph"
      >
        <CanvasBackground />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeStrokeWidth={2} ariaLabel="Minimap" />
      </ReactFlow>
    </section>
  );
}
