/**
 * The one-line status under the canvas toolbar: what a canvas action did, or why it was refused.
 * Transient view state shared by the palette, the canvas, its menus and the inspector, so it is a
 * small store of its own rather than part of the document or the persisted ui state.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface CanvasStatus {
  readonly text: string;
  readonly tone: 'info' | 'error';
  /** Distinguishes a repeated message, so screen readers announce it again. */
  readonly seq: number;
}

export const canvasStatusStore = createStore<{ status: CanvasStatus | null }>()(() => ({ status: null }));

export function showStatus(text: string, tone: CanvasStatus['tone'] = 'info'): void {
  const seq = (canvasStatusStore.getState().status?.seq ?? 0) + 1;
  canvasStatusStore.setState({ status: { text, tone, seq } });
}

export function clearStatus(): void {
  canvasStatusStore.setState({ status: null });
}

export function useCanvasStatus(): CanvasStatus | null {
  return useStore(canvasStatusStore, (s) => s.status);
}
