import { Background, useStore, type ReactFlowState } from '@xyflow/react';
import { showsBackgroundDots } from './levelOfDetail';

const selectDots = (s: ReactFlowState) => showsBackgroundDots(s.transform[2]);

/**
 * React Flow's dotted background while its dots can be seen. Below DOTS_FROM_ZOOM they are under
 * 0.6 px, yet the pattern (moved on every pan frame) was the largest raster cost of a pan: a plain
 * layer with React Flow's background class paints the same colour (#141414 in dark mode) instead.
 */
export function CanvasBackground() {
  const dots = useStore(selectDots);
  return dots ? <Background gap={24} size={1} /> : <div className="react-flow__background react-flow__container" data-testid="rf__background" />;
}
