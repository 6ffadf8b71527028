/**
 * What every canvas intent returns: the new text plus the minimal edits that produce it, or a
 * refusal the UI shows as is. Intents never throw on bad input (style.md #8: errors are values).
 */
import type { TextEdit } from '../../diagnostics/diagnostic';
import type { ComponentKind } from '../componentId';

/** What to select after the edit: the new (or renamed) component or pipeline, by its key offset in the new text. */
export interface EditFocus {
  readonly kind: ComponentKind | 'pipeline';
  readonly id: string;
  /** 0-based offset of the key in the new text. */
  readonly offset: number;
}

export interface EditApplied {
  readonly ok: true;
  readonly text: string;
  /**
   * Non-overlapping edits in the coordinates of the ORIGINAL text, sorted by `from`; applying them
   * all at once (as Monaco's `executeEdits` does) turns the old text into `text`. Empty when the
   * intent was already satisfied.
   */
  readonly edits: TextEdit[];
  readonly focus?: EditFocus;
}

export interface EditRefused {
  readonly ok: false;
  /** A full sentence for the user, e.g. "The pipeline traces/2 does not exist." */
  readonly reason: string;
}

export type EditResult = EditApplied | EditRefused;

/** A refusal with a reason for the user. */
export function refuse(reason: string): EditRefused {
  return { ok: false, reason };
}
