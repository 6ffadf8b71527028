import { refuse, type EditResult } from '../../core/config/edits/editResult';
import type { DocumentStore } from '../../state/documentStore';
import { showStatus } from './canvasStatus';
import { editEngine, LOADING_REASON, type EditEngine } from './editEngine';

export const BROKEN_REASON = 'The YAML does not parse right now; fix it in the editor before editing on the canvas.';

/**
 * Runs one canvas intent against the current text and, when it applies, hands the new text to the
 * document as origin `canvas` — one change, so the editor records it as ONE undo step (ADR 0008).
 * While the YAML is broken every intent is refused: there is no document to edit; so is one made
 * before the edit functions have loaded (decision 0017). A refusal (or `done`, the success
 * message) is shown in the canvas status line.
 */
export function applyCanvasEdit(document: DocumentStore, compute: (text: string, edits: EditEngine) => EditResult, done?: string): EditResult {
  const state = document.getState();
  const edits = editEngine();
  const result = state.analysis?.broken ? refuse(BROKEN_REASON) : edits === null ? refuse(LOADING_REASON) : compute(state.text, edits);
  if (!result.ok) {
    showStatus(result.reason, 'error');
    return result;
  }
  if (result.text !== state.text) state.setText(result.text, 'canvas');
  if (done) showStatus(done);
  return result;
}
