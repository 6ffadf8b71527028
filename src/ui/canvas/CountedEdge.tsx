/**
 * A canvas edge with the preview's volume: stroke width by volume and a label (spans · traces, or
 * data points) at the spot `withLabelSpots` chose — on the edge, clear of node text — falling back
 * to the middle of the path. Replaces the preview's FlowEdge on the canvas, whose fixed lift put
 * labels over the nodes of the next row and over lane titles. Zoomed out past reading
 * (levelOfDetail.ts) only the stroke is drawn; the edge keeps its accessible name and width.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { formatCount } from '../preview/format';
import { edgeLabelText, type CountedEdgeData } from './edgeLabelLayout';
import { useFullDetail } from './useFullDetail';

function CountedEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, style, data, markerEnd }: EdgeProps) {
  const full = useFullDetail();
  const [path, midX, midY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const flow = data as unknown as CountedEdgeData;
  const points = flow.spans === 0 && flow.metricPoints > 0;
  const title = points ? `${formatCount(flow.metricPoints)} metric data points` : `${formatCount(flow.spans)} spans in ${formatCount(flow.traces)} traces`;
  const x = flow.label?.x ?? midX;
  const y = flow.label?.y ?? midY;
  return (
    <>
      <BaseEdge id={id} path={path} style={style} {...(markerEnd ? { markerEnd } : {})} />
      {full && (
        <EdgeLabelRenderer>
          <div className={`edge-flow-label${flow.stale ? ' is-stale' : ''}`} style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }} title={title} data-testid={`edge-flow-${id}`}>
            {edgeLabelText(flow)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const CountedEdge = memo(CountedEdgeView);
