import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { LaneNodeData } from './toFlowElements';

/** The swimlane behind one pipeline, coloured by signal. */
function LaneNodeView({ data }: NodeProps) {
  const { pipelineId, signal, accent, highlighted, problems } = data as LaneNodeData;
  return (
    <div className={`lane-node${highlighted ? ' is-highlighted' : ''}`} style={{ ['--accent' as string]: accent }} data-testid={`lane-${pipelineId}`}>
      <div className="lane-node__header">
        <span className="lane-node__signal">{signal ?? 'unknown signal'}</span>
        <span className="lane-node__id">{pipelineId}</span>
        {problems.errors > 0 && <span className="badge badge--error">{problems.errors}</span>}
        {problems.warnings > 0 && <span className="badge badge--warning">{problems.warnings}</span>}
      </div>
    </div>
  );
}

export const LaneNode = memo(LaneNodeView);
