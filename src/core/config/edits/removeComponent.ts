import { sectionOf, type ComponentKind } from '../componentId';
import type { TextEdit } from '../../diagnostics/diagnostic';
import { blockItemsOwnLines, removeItem } from './collectionEdits';
import { findReferences } from './componentReferences';
import { findDefinitionNode, normalizeComponentId } from './configNodes';
import { refuse, type EditResult } from './editResult';
import { finishEdit } from './finishEdit';
import { openConfig } from './openConfig';
import { removeFromRole } from './pipelineList';
import { usedAnchorInside } from './usedAnchorInside';

/**
 * Deletes a component: its definition (with the comment lines attached to it) and every reference
 * to it — each pipeline list of its role (`receivers` and `exporters` for a connector) and, for an
 * extension, `service.extensions`. Lists stay tidy: no dangling commas, `[x]` → `[]`, a block
 * list losing its last item becomes `role: []`. The last definition of a section leaves the
 * section key with an empty value. Refuses when the definition holds an anchor that aliases
 * elsewhere use (removing it would break them).
 */
export function removeComponent(text: string, kind: ComponentKind, id: string): EditResult {
  const config = openConfig(text);
  if ('ok' in config) return config;
  const wanted = normalizeComponentId(id);
  const definition = findDefinitionNode(config, kind, wanted);
  if (typeof definition === 'string') return refuse(definition);
  const anchor = usedAnchorInside(config, definition.pair.value);
  if (anchor) return refuse(`The ${kind} ${wanted} holds the anchor &${anchor}, which aliases elsewhere use; removing it would break them. Edit it in the text editor.`);
  if (!definition.section.flow && !blockItemsOwnLines(config, definition.section)) {
    return refuse(`The ${sectionOf(kind)}: section is laid out in a way the canvas can't edit safely; edit it in the text editor.`);
  }
  const edits: TextEdit[] = [...removeItem(config, definition.section, definition.index)];
  for (const list of findReferences(config, kind, wanted)) edits.push(...removeFromRole(config, list.pair, list.seq, list.indices));
  return finishEdit(config, edits);
}
