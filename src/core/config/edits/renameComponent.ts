import { isAlias, isMap, isScalar, isSeq, visit, type Scalar } from 'yaml';
import type { TextEdit } from '../../diagnostics/diagnostic';
import { COMPONENT_KINDS, parseComponentId, sectionOf, type ComponentKind } from '../componentId';
import { findReferences } from './componentReferences';
import { findDefinitionNode, normalizeComponentId, ownPairIndex, sectionPair } from './configNodes';
import { refuse, type EditResult } from './editResult';
import { finishEdit } from './finishEdit';
import { openConfig, type ConfigDocument } from './openConfig';
import { renderScalarLike } from './renderYaml';

function replaceScalar(node: Scalar, value: string, inFlow: boolean): TextEdit {
  const range = node.range as number[];
  return { from: range[0]!, to: range[1]!, insert: renderScalarLike(node, value, inFlow) };
}

/**
 * Extension ids used as plain string values inside component bodies (`authenticator:
 * oauth2client`, `storage: file_storage`). Any scalar value that equals the old id exactly is
 * taken for a reference; keys never are.
 */
function extensionValueEdits(config: ConfigDocument, oldId: string, newId: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const kind of COMPONENT_KINDS) {
    const section = sectionPair(config, sectionOf(kind))?.value;
    if (!isMap(section)) continue;
    for (const pair of section.items) {
      visit(pair.value as never, {
        Scalar(key, node, path) {
          if (key === 'key' || typeof node.value !== 'string' || node.value !== oldId) return;
          const collection = [...path].reverse().find((n) => isMap(n) || isSeq(n)) as { flow?: boolean } | undefined;
          edits.push(replaceScalar(node, newId, Boolean(collection?.flow)));
        },
      });
    }
  }
  return edits;
}

/**
 * Renames a component: the definition key (keeping its quoting) and every reference — the
 * pipeline lists of its role (`receivers` and `exporters` for a connector), `service.extensions`
 * and, for an extension, string values in component bodies equal to the old id. Canvas
 * positions are keyed by id: the caller carries them over. Refuses an invalid new id (with the
 * Collector's message), one already defined in the section, and references written as aliases.
 */
export function renameComponent(text: string, kind: ComponentKind, oldId: string, newId: string): EditResult {
  const parsed = parseComponentId(newId);
  if (!parsed.ok) return refuse(`${JSON.stringify(newId)} is not a valid component id: ${parsed.message}.`);
  const config = openConfig(text);
  if ('ok' in config) return config;
  const from = normalizeComponentId(oldId);
  const definition = findDefinitionNode(config, kind, from);
  if (typeof definition === 'string') return refuse(definition);
  const key = definition.pair.key;
  if (!isScalar(key)) return refuse(`The key of ${kind} ${from} is not a plain string; rename it in the text editor.`);
  if (parsed.id === from) return finishEdit(config, [], { kind, id: from, original: (key.range as number[])[0]! });
  const clash = ownPairIndex(definition.section, parsed.id, normalizeComponentId);
  if (clash >= 0) return refuse(`There is already a ${kind} named ${parsed.id}.`);
  const keyEdit = replaceScalar(key, parsed.id, Boolean(definition.section.flow));
  const edits: TextEdit[] = [keyEdit];
  for (const list of findReferences(config, kind, from)) {
    for (const index of list.indices) {
      const item = list.seq.items[index];
      if (isAlias(item) || !isScalar(item)) return refuse(`${list.where} refers to ${from} through an alias; rename it in the text editor.`);
      edits.push(replaceScalar(item, parsed.id, Boolean(list.seq.flow)));
    }
  }
  if (kind === 'extension') edits.push(...extensionValueEdits(config, from, parsed.id));
  return finishEdit(config, edits, { kind, id: parsed.id, original: keyEdit.from });
}
