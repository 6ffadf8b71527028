/**
 * Where the UI gets its text edits (`editFunctions.ts`, decision 0017): a chunk fetched right
 * after start-up instead of with the first paint. Until it has arrived (a few hundred ms on a
 * slow link, nothing a person can beat on a local one) an edit is refused with a message that
 * says so, and nothing is lost.
 */
import type * as EditFunctions from './editFunctions';

export type EditEngine = typeof EditFunctions;

let engine: EditEngine | null = null;
let loading: Promise<EditEngine> | undefined;

/** Starts loading the edit functions (once) and resolves with them. */
export function loadEditEngine(): Promise<EditEngine> {
  loading ??= import('./editFunctions').then((m) => (engine = m));
  return loading;
}

/** The edit functions if they have loaded, else null (and they start loading). */
export function editEngine(): EditEngine | null {
  if (engine === null) void loadEditEngine();
  return engine;
}

export const LOADING_REASON = 'The canvas editor is still loading; try again in a moment.';
