/**
 * Where the keyboard focus goes after a canvas action whose node appears only once the new text
 * has been analysed (a palette add, an edge that moves a node into a lane, a rename): the action
 * asks for the node by key, and the canvas focuses it as soon as it is drawn. Transient view
 * state, like the status line, so a tiny store of its own.
 */
import { createStore } from 'zustand/vanilla';

export const canvasFocusStore = createStore<{ nodeKey: string | null }>()(() => ({ nodeKey: null }));

/** Asks the canvas to focus (and scroll to) this node when it is there; a later request wins. */
export function requestNodeFocus(nodeKey: string): void {
  canvasFocusStore.setState({ nodeKey });
}

export function clearNodeFocus(): void {
  canvasFocusStore.setState({ nodeKey: null });
}
