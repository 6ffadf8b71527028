import { useStore, type ReactFlowState } from '@xyflow/react';
import { showsFullNodes } from './levelOfDetail';

// A boolean, so a node or an edge re-renders only when the zoom crosses the threshold, not on every pan frame.
const selectFullDetail = (s: ReactFlowState) => showsFullNodes(s.transform[2]);

/** Whether the current zoom shows node text, badges and edge labels (levelOfDetail.ts). */
export function useFullDetail(): boolean {
  return useStore(selectFullDetail);
}
