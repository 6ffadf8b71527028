import { isMap } from 'yaml';
import { parseComponentId, sectionOf, typeOf, type ComponentKind } from '../componentId';
import { normalizeComponentId, orderedIndex, ownPairIndex, sectionPair, SECTION_ORDER } from './configNodes';
import { defaultBody } from './defaultBody';
import { refuse, type EditResult } from './editResult';
import { finishEdit, keyOffsetIn } from './finishEdit';
import { openConfig, sharedNodeReason } from './openConfig';
import { addPair, isEmptyValue } from './pairValueEdits';
import { renderScalar } from './renderYaml';

/**
 * Defines a component under its section (`receivers:`, ...), at the end of the section, with
 * `body` rendered as block YAML in the document's indentation. Without `body` the type's starter
 * body (`defaultBody`) is used; pass `null` for an empty body (`batch:`). A missing section is
 * created in the conventional order (receivers, processors, exporters, connectors, extensions,
 * service); an empty one (`receivers:`, `receivers: {}`) becomes a block mapping. Refuses an
 * invalid id, an id already defined in the section, a body that is not a mapping, and a section
 * shared through an anchor.
 */
export function addComponent(text: string, kind: ComponentKind, id: string, body?: unknown): EditResult {
  const parsed = parseComponentId(id);
  if (!parsed.ok) return refuse(`${JSON.stringify(id)} is not a valid component id: ${parsed.message}.`);
  const value = body === undefined ? defaultBody(kind, typeOf(parsed.id)) : body;
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    return refuse(`The configuration of ${kind} ${parsed.id} must be a mapping of settings (or empty).`);
  }
  const config = openConfig(text);
  if ('ok' in config) return config;
  const section = sectionOf(kind);
  const holder = sectionPair(config, section);
  let edits;
  if (holder) {
    const shared = sharedNodeReason(config, holder.value, `The ${section}: section`);
    if (shared) return refuse(shared);
    if (isMap(holder.value)) {
      if (ownPairIndex(holder.value, parsed.id, normalizeComponentId) >= 0) return refuse(`There is already a ${kind} named ${parsed.id}.`);
      edits = addPair(config, { kind: 'map', map: holder.value, preferBlock: true, holder }, parsed.id, { js: value });
    } else if (isEmptyValue(holder.value)) {
      edits = addPair(config, { kind: 'empty', pair: holder }, parsed.id, { js: value });
    } else {
      return refuse(`${section}: is not a mapping; fix it in the text editor first.`);
    }
  } else if (config.root) {
    const index = orderedIndex(config.root, section, SECTION_ORDER);
    edits = addPair(config, { kind: 'map', map: config.root, holder: null }, section, { js: { [parsed.id]: value } }, index);
  } else {
    edits = addPair(config, { kind: 'document' }, section, { js: { [parsed.id]: value } });
  }
  const key = renderScalar(parsed.id);
  const edit = edits.find((e) => e.insert.includes(key)) ?? edits[edits.length - 1]!;
  return finishEdit(config, edits, { kind, id: parsed.id, edit, within: keyOffsetIn(edit.insert, key) });
}
