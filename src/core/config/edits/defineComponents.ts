import type { ComponentKind } from '../componentId';
import { addComponent } from './addComponent';
import { diffEdit } from './diffEdit';
import { refuse, type EditResult } from './editResult';

/**
 * Defines several components at once, each with its type's starter body (`addComponent`), as one
 * change: the canvas's "define the missing components" for pipelines that reference ids no
 * section defines. Refuses as a whole, with the first reason, when any of them can't be added.
 */
export function defineComponents(text: string, components: readonly { readonly kind: ComponentKind; readonly id: string }[]): EditResult {
  if (components.length === 0) return refuse('There is nothing to define.');
  let current = text;
  for (const { kind, id } of components) {
    const added = addComponent(current, kind, id);
    if (!added.ok) return added;
    current = added.text;
  }
  return { ok: true, text: current, edits: diffEdit(text, current) };
}
