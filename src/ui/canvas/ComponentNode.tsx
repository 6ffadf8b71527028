import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NodeFlowBadge } from '../preview/NodeFlowBadge';
import type { ComponentNodeData } from './toFlowElements';
import { useFullDetail } from './useFullDetail';

const KIND_LETTER: Record<string, string> = { receiver: 'R', processor: 'P', exporter: 'E', connector: 'C', extension: 'X' };

/**
 * One component on the canvas: id, type, kind, problem badges. Text only — never markup from the YAML.
 * Zoomed out past reading (levelOfDetail.ts) it is a light body: the box in its signal's colour,
 * red or amber when it has errors or warnings, with the same handles, test id, title and
 * accessible name (the name is React Flow's wrapper's aria-label, set in toFlowElements).
 */
function ComponentNodeView({ data, selected }: NodeProps) {
  const { graphNode: node, highlighted, problems, accent, flow } = data as ComponentNodeData;
  const full = useFullDetail();
  const classes = [
    'component-node',
    `component-node--${node.kind}`,
    full ? '' : 'is-light',
    problems.errors > 0 ? 'has-errors' : problems.warnings > 0 ? 'has-warnings' : '',
    highlighted ? 'is-highlighted' : '',
    selected ? 'is-selected' : '',
    node.defined ? '' : 'is-undefined',
    node.inCycle ? 'is-cycle' : '',
    flow ? 'has-flow' : '',
    flow && !flow.simulated ? 'is-not-simulated' : '',
  ].join(' ');
  const subtitle = !node.defined ? 'not defined' : node.inCycle ? 'on a cycle' : node.kind;
  return (
    <div className={classes} style={{ ['--accent' as string]: accent }} data-testid={`node-${node.key}`} title={`${node.kind} ${node.componentId}`}>
      {node.kind !== 'extension' && node.role !== 'receivers' && <Handle type="target" position={Position.Left} />}
      {full && (
        <>
          <span className="component-node__kind" aria-hidden="true">
            {KIND_LETTER[node.kind]}
          </span>
          <span className="component-node__text">
            <span className="component-node__id">{node.componentId}</span>
            <span className="component-node__type">{subtitle}</span>
          </span>
          {(problems.errors > 0 || problems.warnings > 0) && (
            <span className="component-node__badges">
              {problems.errors > 0 && (
                <span className="badge badge--error" title={`${problems.errors} error(s)`}>
                  {problems.errors}
                </span>
              )}
              {problems.warnings > 0 && (
                <span className="badge badge--warning" title={`${problems.warnings} warning(s)`}>
                  {problems.warnings}
                </span>
              )}
            </span>
          )}
          {flow && <NodeFlowBadge flow={flow} />}
        </>
      )}
      {node.kind !== 'extension' && node.role !== 'exporters' && <Handle type="source" position={Position.Right} />}
      {node.kind === 'extension' && <Handle type="source" position={Position.Bottom} isConnectable={false} />}
      {node.kind !== 'extension' && <Handle type="target" id="ext" position={Position.Top} isConnectable={false} className="handle-ext" />}
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
