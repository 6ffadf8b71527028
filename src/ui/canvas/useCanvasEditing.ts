/**
 * Canvas editing (issue #5): palette drops, drawn edges, processor reordering by drag, user
 * positions, keyboard paths and the node menu's anchor. Every change to the config is a pure
 * intent from `core/config/edits` applied through `applyCanvasEdit` (one undo step each); node
 * positions go to `layoutStore`, which is not history.
 *
 * Keyboard (the canvas section's help text says the same): arrow keys go to the nearest node,
 * Enter/Space opens its settings, Shift+arrow keys move it one grid step, Alt+←/→ move a
 * processor earlier/later, Delete or the context-menu key opens its actions menu.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import { useReactFlow, type Connection, type Edge, type Node, type NodeChange, type OnNodeDrag } from '@xyflow/react';
import type { Analysis } from '../../core/analysis/analyzeConfig';
import { findComponent } from '../../core/catalog/catalog';
import type { ComponentKind } from '../../core/config/componentId';
import type { GraphNode } from '../../core/graph/pipelineGraph';
import { redo, undo } from '../../state/historyCommands';
import { selectPositions } from '../../state/layoutStore';
import { useDesigns, useLayout, useStores } from '../app/StoreContext';
import { applyCanvasEdit } from './applyCanvasEdit';
import { canvasFocusStore, clearNodeFocus, requestNodeFocus } from './canvasFocus';
import { showStatus } from './canvasStatus';
import { checkNodes, endOf, keyAfterConnect } from './connectionEnds';
import { planDrop, type DropLane } from './planDrop';
import { reorderTarget } from './reorderTarget';
import type { ComponentNodeData } from './toFlowElements';
import { unplacedNodes, unplacedPositions } from './unplacedNodes';

/** The drag payload of a palette item. */
export const PALETTE_MIME = 'application/x-pipeline-studio-component';

export interface MenuAnchor {
  readonly nodeId: string;
  /** Position inside the canvas section, in CSS pixels. */
  readonly x: number;
  readonly y: number;
}

const NEUTRAL = '#7a8194';

/** Flow units a node moves per Shift+arrow key press: one step of the background grid. */
export const KEYBOARD_STEP = 24;

const ARROW_STEP: Record<string, { x: number; y: number }> = {
  ArrowLeft: { x: -KEYBOARD_STEP, y: 0 },
  ArrowRight: { x: KEYBOARD_STEP, y: 0 },
  ArrowUp: { x: 0, y: -KEYBOARD_STEP },
  ArrowDown: { x: 0, y: KEYBOARD_STEP },
};

function nodeElement(key: string): HTMLElement | null {
  return globalThis.document.querySelector<HTMLElement>(`.canvas .react-flow__node[data-id="${CSS.escape(key)}"]`);
}

/** The design whose positions the canvas uses: the designStore's current design, else 'default'. */
export function useLayoutDesign(): string {
  return useDesigns((s) => s.currentId) ?? 'default';
}

function laneProcessorXs(shown: Analysis, pipelineId: string, positionOf: (key: string) => number | undefined): number[] {
  return shown.graph.nodes
    .filter((n) => n.pipelineId === pipelineId && n.role === 'processors')
    .sort((a, b) => a.index - b.index)
    .map((n) => positionOf(n.key) ?? 0);
}

export function useCanvasEditing(shown: Analysis | null, base: { nodes: Node[]; edges: Edge[] }) {
  const { document, layout, ui } = useStores();
  const design = useLayoutDesign();
  const [previousDesign, setPreviousDesign] = useState(design);
  useEffect(() => {
    const state = layout.getState();
    state.load(design);
    // An unsaved design gets its id on first save: its positions (kept under 'default') follow it.
    if (previousDesign === 'default' && design !== 'default' && Object.keys(state.byDesign[design] ?? {}).length === 0) {
      for (const [key, p] of Object.entries(state.byDesign.default ?? {})) state.setPosition(design, key, p);
    }
    if (previousDesign !== design) setPreviousDesign(design);
  }, [layout, design, previousDesign]);
  const saved = useLayout(selectPositions(design));
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const [menu, setMenu] = useState<MenuAnchor | null>(null);
  const { screenToFlowPosition, flowToScreenPosition, setCenter, getZoom } = useReactFlow();
  const focusKey = useStore(canvasFocusStore, (st) => st.nodeKey);

  const unplaced = useMemo(() => (shown ? unplacedNodes(shown.model, shown.graph) : []), [shown]);
  const graphNodes = useMemo(() => {
    const map = new Map<string, GraphNode>();
    for (const n of shown?.graph.nodes ?? []) map.set(n.key, n);
    for (const n of unplaced) map.set(n.key, n);
    return map;
  }, [shown, unplaced]);

  // Nodes as placed (saved positions), without the drag in progress: these objects stay the same
  // while a node is dragged, so React Flow keeps their measurements and redraws only what moved.
  const placed = useMemo(() => {
    if (!shown) return base.nodes;
    const defaults = unplacedPositions(unplaced, shown.layout);
    const extra: Node[] = unplaced.map((n) => ({
      id: n.key,
      type: 'component',
      position: defaults[n.key]!,
      data: { graphNode: n, highlighted: false, problems: { errors: 0, warnings: 0 }, accent: NEUTRAL } satisfies ComponentNodeData,
      ariaLabel: `${n.kind} ${n.componentId} (not in any pipeline)`,
      className: 'is-unplaced',
    }));
    return [...base.nodes, ...extra].map((node) => {
      if (node.type === 'lane') {
        const pipelineId = (node.data as { pipelineId: string }).pipelineId;
        return { ...node, focusable: true, ariaLabel: `pipeline ${pipelineId}` };
      }
      const graphNode = graphNodes.get(node.id);
      const position = graphNode?.role === 'processors' ? node.position : (saved[node.id] ?? node.position);
      return { ...node, position, draggable: true, connectable: graphNode?.kind !== 'extension' };
    });
  }, [shown, base.nodes, unplaced, graphNodes, saved]);

  // A node without `measured` is measured again, and its edges wait for that: the dragged node
  // keeps the size React Flow reported for it.
  const measured = useRef(new Map<string, { width: number; height: number }>());
  const nodes = useMemo(() => {
    if (!drag) return placed;
    return placed.map((node) => (node.id === drag.id ? { ...node, position: { x: drag.x, y: drag.y }, measured: measured.current.get(node.id) ?? node.measured } : node));
  }, [placed, drag]);

  const positionOf = useCallback((key: string) => nodes.find((n) => n.id === key)?.position.x, [nodes]);

  /** Scrolls the view so the node is inside the pane (keyboard focus must never land off screen). */
  const reveal = useCallback(
    (key: string) => {
      const node = nodes.find((n) => n.id === key);
      const pane = globalThis.document.querySelector('.canvas .react-flow__pane')?.getBoundingClientRect();
      if (!node || !pane) return;
      const width = node.measured?.width ?? node.width ?? 184;
      const height = node.measured?.height ?? node.height ?? 52;
      const topLeft = flowToScreenPosition(node.position);
      const bottomRight = flowToScreenPosition({ x: node.position.x + width, y: node.position.y + height });
      const inside = topLeft.x >= pane.left && topLeft.y >= pane.top && bottomRight.x <= pane.right && bottomRight.y <= pane.bottom;
      if (!inside) void setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: getZoom() });
    },
    [nodes, flowToScreenPosition, setCenter, getZoom],
  );

  // A requested focus lands once the node is drawn (after the analysis of the new text). A
  // request whose node is still missing after a newer analysis is dropped, so it can't fire later.
  const [focusSince, setFocusSince] = useState<{ key: string; shown: Analysis | null } | null>(null);
  useEffect(() => {
    if (!focusKey) return;
    if (!nodes.some((n) => n.id === focusKey)) {
      if (focusSince?.key !== focusKey) setFocusSince({ key: focusKey, shown });
      else if (focusSince.shown !== shown) clearNodeFocus();
      return;
    }
    reveal(focusKey);
    // React Flow keeps a new node hidden (so not focusable) until it has measured it: try for a few frames.
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const element = nodeElement(focusKey);
      element?.focus();
      if ((element && globalThis.document.activeElement === element) || ++tries > 30) clearNodeFocus();
      else frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [focusKey, nodes, reveal, focusSince, shown]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault(); // without this, drop never fires (web-stack.md)
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const raw = event.dataTransfer.getData(PALETTE_MIME);
      if (!raw) return;
      event.preventDefault();
      const { kind, type } = JSON.parse(raw) as { kind: ComponentKind; type: string };
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const model = shown?.model;
      let lane: DropLane | null = null;
      if (shown) {
        for (const l of shown.graph.lanes) {
          const box = shown.layout.lanes[l.pipelineId];
          if (box && point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height) {
            lane = { pipelineId: l.pipelineId, signal: l.signal, processorXs: laneProcessorXs(shown, l.pipelineId, positionOf) };
          }
        }
      }
      const plan = planDrop({
        kind,
        type,
        signals: findComponent(kind, type)?.entry.signals ?? [],
        definedIds: (model?.components ?? []).filter((c) => c.kind === kind).map((c) => c.id),
        lane,
        x: point.x,
      });
      const result = applyCanvasEdit(document, (text, edits) => edits.applyDropPlan(text, plan), plan.message);
      // Dropped on empty canvas: it stays where it was dropped (a refused lane drop goes to the unplaced row).
      if (result.ok && !plan.join && !lane) layout.getState().setPosition(design, `unplaced:${kind}:${plan.id}`, { x: point.x - 92, y: point.y - 26 });
    },
    [screenToFlowPosition, shown, positionOf, document, layout, design],
  );

  const check = useCallback(
    (sourceId: string | null, targetId: string | null) => {
      const source = sourceId ? graphNodes.get(sourceId) : undefined;
      const target = targetId ? graphNodes.get(targetId) : undefined;
      if (!shown || !source || !target) return null;
      return { source, target, result: checkNodes(shown.model, source, target) };
    },
    [graphNodes, shown],
  );

  const isValidConnection = useCallback(
    (c: Edge | Connection) => {
      const checked = check(c.source, c.target);
      if (!checked) return false;
      if (!checked.result.ok) showStatus(checked.result.reason, 'error');
      return checked.result.ok;
    },
    [check],
  );

  /** Draws an edge; `focus` names the end whose node takes the keyboard focus afterwards (the node a menu was opened on). */
  const connectNodes = useCallback(
    (sourceId: string, targetId: string, focus?: 'source' | 'target') => {
      const checked = check(sourceId, targetId);
      if (!checked) return;
      if (!checked.result.ok) {
        showStatus(checked.result.reason, 'error');
        return;
      }
      const { source, target } = checked;
      const result = applyCanvasEdit(document, (text, edits) => edits.connect(text, endOf(source), endOf(target)), `Connected ${source.componentId} → ${target.componentId}.`);
      if (result.ok && focus) requestNodeFocus(focus === 'source' ? keyAfterConnect(source, target) : keyAfterConnect(target, source));
    },
    [check, document],
  );

  const onConnect = useCallback((c: Connection) => connectNodes(c.source, c.target), [connectNodes]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) measured.current.set(change.id, change.dimensions);
        if (change.type !== 'position' || !change.position || !change.dragging) continue;
        const g = graphNodes.get(change.id);
        if (!g) continue;
        // Processors slide along their lane only: the drop decides their new place in the list.
        const y = g.role === 'processors' ? (base.nodes.find((n) => n.id === change.id)?.position.y ?? change.position.y) : change.position.y;
        setDrag({ id: change.id, x: change.position.x, y });
      }
    },
    [graphNodes, base.nodes],
  );

  const moveProcessor = useCallback(
    (g: GraphNode, to: number) => {
      if (!g.pipelineId) return;
      applyCanvasEdit(document, (text, edits) => edits.moveInPipeline(text, g.pipelineId!, 'processors', g.index, to), `Moved ${g.componentId} to position ${to + 1} in pipeline ${g.pipelineId}.`);
    },
    [document],
  );

  const onNodeDragStop: OnNodeDrag = useCallback(
    (_event, node) => {
      setDrag(null);
      const g = graphNodes.get(node.id);
      if (!g || !shown) return;
      if (g.role === 'processors' && g.pipelineId) {
        // One drag = one edit = one undo step.
        const move = reorderTarget(laneProcessorXs(shown, g.pipelineId, positionOf), g.index, node.position.x);
        if (move) moveProcessor(g, move.to);
        return;
      }
      layout.getState().setPosition(design, node.id, node.position);
    },
    [graphNodes, shown, positionOf, moveProcessor, layout, design],
  );

  const openMenuAt = useCallback((nodeId: string, element: Element | null, clientX?: number, clientY?: number) => {
    const section = element?.closest('.canvas');
    const box = section?.getBoundingClientRect();
    const rect = element?.getBoundingClientRect();
    const x = (clientX ?? (rect ? rect.left + rect.width / 2 : 0)) - (box?.left ?? 0);
    const y = (clientY ?? (rect ? rect.bottom : 0)) - (box?.top ?? 0);
    setMenu({ nodeId, x, y });
  }, []);

  const onNodeContextMenu = useCallback(
    (event: MouseEvent, node: Node) => {
      event.preventDefault();
      openMenuAt(node.id, event.target as Element, event.clientX, event.clientY);
    },
    [openMenuAt],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && (key === 'z' || key === 'y')) {
        if ((event.target as HTMLElement).closest('input, textarea, select')) return;
        event.preventDefault();
        if (key === 'y' || event.shiftKey) redo();
        else undo();
        return;
      }
      const element = (event.target as HTMLElement).closest('.react-flow__node');
      const id = element?.getAttribute('data-id');
      if (!element || !id) return;
      const g = graphNodes.get(id);
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        if (g) ui.getState().select(id);
        else openMenuAt(id, element);
      } else if (event.key === 'Delete' || event.key === 'Backspace' || event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
        event.preventDefault();
        openMenuAt(id, element);
      } else if (event.shiftKey && !event.altKey && !mod && ARROW_STEP[event.key] && g) {
        event.preventDefault();
        if (g.role === 'processors') {
          showStatus(`Processors keep their place in the lane; Alt+← and Alt+→ move ${g.componentId} earlier or later in pipeline ${g.pipelineId}.`);
          return;
        }
        // Like a mouse drag: only the layout changes, never the YAML (and so it is not an undo step, ADR 0008).
        const at = nodes.find((n) => n.id === id)?.position;
        if (!at) return;
        const step = ARROW_STEP[event.key]!;
        layout.getState().setPosition(design, id, { x: at.x + step.x, y: at.y + step.y });
        showStatus(`Moved ${g.componentId} ${event.key.slice('Arrow'.length).toLowerCase()}; Auto-layout puts it back.`);
      } else if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight') && g?.role === 'processors') {
        event.preventDefault();
        const to = g.index + (event.key === 'ArrowLeft' ? -1 : 1);
        const count = shown?.graph.nodes.filter((n) => n.pipelineId === g.pipelineId && n.role === 'processors').length ?? 0;
        if (to >= 0 && to < count) moveProcessor(g, to);
      } else if (event.key.startsWith('Arrow') && !event.shiftKey && !event.altKey && !mod) {
        event.preventDefault();
        const next = focusNeighbour(element, event.key);
        if (next) reveal(next);
      }
    },
    [graphNodes, ui, openMenuAt, shown, moveProcessor, nodes, layout, design, reveal],
  );

  return {
    nodes,
    graphNodes,
    menu,
    closeMenu: () => setMenu(null),
    connectNodes,
    moveProcessor,
    // No auto-pan while drawing an edge: near the edge the target would slide away from the pointer.
    handlers: { onDragOver, onDrop, isValidConnection, onConnect, onNodesChange, onNodeDragStop, onNodeContextMenu, autoPanOnConnect: false },
    onKeyDown,
  };
}

/** Arrow keys move the focus to the nearest node in that direction (spatial navigation); returns its key. */
function focusNeighbour(from: Element, key: string): string | null {
  const root = from.closest('.react-flow');
  if (!root) return null;
  const a = from.getBoundingClientRect();
  const ax = a.left + a.width / 2;
  const ay = a.top + a.height / 2;
  let best: { el: HTMLElement; score: number } | null = null;
  for (const el of root.querySelectorAll<HTMLElement>('.react-flow__node[tabindex]')) {
    if (el === from) continue;
    const b = el.getBoundingClientRect();
    const dx = b.left + b.width / 2 - ax;
    const dy = b.top + b.height / 2 - ay;
    const forward = key === 'ArrowRight' ? dx : key === 'ArrowLeft' ? -dx : key === 'ArrowDown' ? dy : -dy;
    const side = key === 'ArrowRight' || key === 'ArrowLeft' ? Math.abs(dy) : Math.abs(dx);
    if (forward <= 1) continue;
    const score = forward + side * 2;
    if (!best || score < best.score) best = { el, score };
  }
  best?.el.focus();
  return best?.el.getAttribute('data-id') ?? null;
}
