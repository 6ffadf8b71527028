/** A canvas edge with the preview's volume: label (spans · traces) and stroke width by volume. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import type { EdgeFlow } from './flowOverlay';
import { formatCompact, formatCount } from './format';

/** Labels sit above the row of nodes (the gap between two nodes is too narrow for the text): half a node plus a little. */
const LABEL_LIFT = 29;

function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, style, data, markerEnd }: EdgeProps) {
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const flow = data as unknown as EdgeFlow & { stale: boolean };
  const points = flow.spans === 0 && flow.metricPoints > 0;
  const text = points ? `${formatCompact(flow.metricPoints)} pts` : `${formatCompact(flow.spans)} spans · ${formatCompact(flow.traces)} traces`;
  const title = points ? `${formatCount(flow.metricPoints)} metric data points` : `${formatCount(flow.spans)} spans in ${formatCount(flow.traces)} traces`;
  return (
    <>
      <BaseEdge id={id} path={path} style={style} {...(markerEnd ? { markerEnd } : {})} />
      <EdgeLabelRenderer>
        <div
          className={`edge-flow-label${flow.stale ? ' is-stale' : ''}`}
          style={{ transform: `translate(-50%, -100%) translate(${labelX}px, ${labelY - LABEL_LIFT}px)` }}
          title={title}
          data-testid={`edge-flow-${id}`}
        >
          {text}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
