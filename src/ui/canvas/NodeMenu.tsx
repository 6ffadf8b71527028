/**
 * The node menu (right click, Enter on a lane, Delete/Backspace or the context-menu key on a
 * node): define (a referenced id nobody defined), remove from this pipeline vs delete everywhere,
 * rename, connect to… (edges out of the node and into it, only those that can exist), move a
 * processor, and on lanes duplicate / remove the pipeline. Every item is one intent = one undo
 * step; the keyboard focus comes back to the node, or to its lane when the node is gone.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Analysis } from '../../core/analysis/analyzeConfig';
import type { GraphNode } from '../../core/graph/pipelineGraph';
import { useStores } from '../app/StoreContext';
import { applyCanvasEdit } from './applyCanvasEdit';
import { requestNodeFocus } from './canvasFocus';
import { checkNodes, edgePipeline } from './connectionEnds';
import type { MenuAnchor } from './useCanvasEditing';
import { useLayoutDesign } from './useCanvasEditing';

interface NodeMenuProps {
  readonly anchor: MenuAnchor;
  readonly shown: Analysis;
  readonly graphNodes: ReadonlyMap<string, GraphNode>;
  readonly onClose: () => void;
  readonly connectNodes: (source: string, target: string, focus?: 'source' | 'target') => void;
  readonly moveProcessor: (node: GraphNode, to: number) => void;
}

type Mode = 'main' | 'rename' | 'connect';

/** A free pipeline id for a copy: `traces/2`, `traces/3`, … */
function copyId(shown: Analysis, pipelineId: string): string {
  const signal = pipelineId.split('/')[0]!;
  const taken = new Set(shown.model.pipelines.map((p) => p.id as string));
  for (let n = 2; ; n++) if (!taken.has(`${signal}/${n}`)) return `${signal}/${n}`;
}

export function NodeMenu({ anchor, shown, graphNodes, onClose, connectNodes, moveProcessor }: NodeMenuProps) {
  const { document, layout, ui } = useStores();
  const design = useLayoutDesign();
  const [mode, setMode] = useState<Mode>('main');
  const [name, setName] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const node = graphNodes.get(anchor.nodeId);
  const lane = anchor.nodeId.startsWith('lanebox:') ? anchor.nodeId.slice('lanebox:'.length) : null;

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"], input')?.focus();
  }, [mode]);

  const close = () => {
    onClose();
    // Give the focus back to the node the menu was opened on (an action may ask for another one after this).
    requestNodeFocus(anchor.nodeId);
  };
  const run = (fn: () => void) => {
    fn();
    close();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    event.stopPropagation();
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(globalThis.document.activeElement as HTMLElement);
    items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };

  let title = '';
  let items: { label: string; action: () => void; danger?: boolean }[] = [];
  if (lane) {
    title = `Pipeline ${lane}`;
    items = [
      { label: 'Duplicate pipeline', action: () => run(() => applyCanvasEdit(document, (t, edits) => edits.duplicatePipeline(t, lane, copyId(shown, lane)), `Duplicated pipeline ${lane}.`)) },
      { label: 'Remove pipeline', danger: true, action: () => run(() => applyCanvasEdit(document, (t, edits) => edits.removePipeline(t, lane), `Removed pipeline ${lane}; its components stay defined.`)) },
    ];
  } else if (node) {
    title = `${node.kind} ${node.componentId}`;
    const inLane = node.pipelineId !== null && node.role !== null;
    const processorCount = shown.graph.nodes.filter((n) => n.pipelineId === node.pipelineId && n.role === 'processors').length;
    items = [
      ...(!node.defined
        ? [
            {
              label: `Define ${node.kind} ${node.componentId}`,
              action: () => run(() => applyCanvasEdit(document, (t, edits) => edits.addComponent(t, node.kind, node.componentId), `Defined ${node.kind} ${node.componentId} with its starter settings.`)),
            },
          ]
        : []),
      ...(inLane
        ? [
            {
              label: 'Remove from this pipeline',
              action: () => {
                run(() => applyCanvasEdit(document, (t, edits) => edits.removeFromPipeline(t, node.pipelineId!, node.role!, node.index), `Removed ${node.componentId} from pipeline ${node.pipelineId}; it stays defined.`));
                // Its node leaves the lane: the focus stays on the lane.
                requestNodeFocus(`lanebox:${node.pipelineId}`);
              },
            },
          ]
        : []),
      {
        label: 'Delete everywhere',
        danger: true,
        action: () => {
          if (!applyCanvasEdit(document, (t, edits) => edits.removeComponent(t, node.kind, node.componentId), `Deleted ${node.kind} ${node.componentId} and every reference to it.`).ok) return close();
          ui.getState().select(null);
          onClose();
          // The node is gone: the keyboard focus goes to its lane, if it had one.
          if (node.pipelineId) requestNodeFocus(`lanebox:${node.pipelineId}`);
        },
      },
      {
        label: 'Rename…',
        action: () => {
          setName(node.componentId);
          setMode('rename');
        },
      },
      ...(node.kind !== 'extension' ? [{ label: 'Connect to…', action: () => setMode('connect') }] : []),
      ...(node.role === 'processors' && node.index > 0 ? [{ label: 'Move left (earlier)', action: () => run(() => moveProcessor(node, node.index - 1)) }] : []),
      ...(node.role === 'processors' && node.index < processorCount - 1 ? [{ label: 'Move right (later)', action: () => run(() => moveProcessor(node, node.index + 1)) }] : []),
      { label: 'Edit settings', action: () => run(() => ui.getState().select(node.key)) },
    ];
  }

  // Edges the node can take part in, both ways: out of it (it is the source) and into it.
  const options = node
    ? [...graphNodes.values()]
        .filter((other) => other.key !== node.key && other.kind !== 'extension')
        .flatMap((other) => [
          { source: node, target: other, focus: 'source' as const },
          { source: other, target: node, focus: 'target' as const },
        ])
        .map((o) => ({ ...o, check: checkNodes(shown.model, o.source, o.target) }))
    : [];
  const allowed = options.filter((o) => o.check.ok);
  const refusedCount = new Set(options.filter((o) => !o.check.ok).map((o) => (o.source === node ? o.target.key : o.source.key))).size;
  const describe = (source: GraphNode, target: GraphNode) => {
    const pipeline = edgePipeline(source, target);
    return `${source.componentId} → ${target.componentId}${pipeline ? ` (${pipeline})` : ''}`;
  };

  return (
    <div
      ref={ref}
      className="node-menu"
      role="menu"
      aria-label={title ? `Actions for ${title}` : 'Node actions'}
      style={{ left: anchor.x, top: anchor.y }}
      onKeyDown={onKeyDown}
    >
      <div className="node-menu__title">{title}</div>
      {mode === 'main' &&
        items.map((item) => (
          <button key={item.label} type="button" role="menuitem" className={`node-menu__item${item.danger ? ' is-danger' : ''}`} onClick={item.action}>
            {item.label}
          </button>
        ))}
      {mode === 'rename' && node && (
        <form
          className="node-menu__rename"
          onSubmit={(e) => {
            e.preventDefault();
            const newId = name.trim();
            run(() => {
              if (applyCanvasEdit(document, (t, edits) => edits.renameComponent(t, node.kind, node.componentId, newId), `Renamed ${node.componentId} to ${newId}; every reference follows.`).ok) {
                layout.getState().renameComponent(design, node.componentId, newId);
                if (ui.getState().selectedNodeKey === node.key) ui.getState().select(null);
              }
            });
          }}
        >
          <label>
            New id
            <input value={name} onChange={(e) => setName(e.target.value)} aria-label={`New id for ${node.componentId}`} />
          </label>
          <button type="submit">Rename</button>
        </form>
      )}
      {mode === 'connect' && node && (
        <>
          {allowed.length === 0 && <div className="node-menu__note">No edge can be drawn to or from {node.componentId}.</div>}
          {allowed.map((o) => (
            <button
              key={`${o.source.key}>${o.target.key}`}
              type="button"
              role="menuitem"
              className="node-menu__item"
              onClick={() => {
                close();
                connectNodes(o.source.key, o.target.key, o.focus);
              }}
            >
              {describe(o.source, o.target)}
            </button>
          ))}
          {refusedCount > 0 && <div className="node-menu__note">{refusedCount} other node(s) can't be joined to it (signal, kind or cycle).</div>}
        </>
      )}
      <button type="button" role="menuitem" className="node-menu__item node-menu__close" onClick={close}>
        Close
      </button>
    </div>
  );
}
