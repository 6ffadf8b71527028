/**
 * One history (ADR 0008): Monaco's undo stack is the only one. The editor registers how to undo
 * and redo here when it mounts; the canvas toolbar and the canvas's Ctrl+Z call through it, so
 * canvas edits and typed edits share one stack. Before the editor has loaded there is nothing to
 * undo (the lazily loaded editor holds the history), and the calls say so by returning false.
 */
export interface HistoryHandler {
  undo(): void;
  redo(): void;
}

let handler: HistoryHandler | null = null;

/** Called by the editor on mount; returns the unregister function for unmount. */
export function registerHistory(next: HistoryHandler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = null;
  };
}

/** Undoes the last step of the one history; false when no editor is there yet. */
export function undo(): boolean {
  if (!handler) return false;
  handler.undo();
  return true;
}

/** Redoes the last undone step; false when no editor is there yet. */
export function redo(): boolean {
  if (!handler) return false;
  handler.redo();
  return true;
}
