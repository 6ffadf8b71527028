import { isMap, parseAllDocuments, type Document } from 'yaml';
import { extractCollectorConfig } from '../import/extractCollectorConfig';

export type ConfigDocument =
  | { readonly ok: true; readonly text: string; readonly doc: Document; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * The Collector config behind `text` (unwrapped from a ConfigMap, Operator resource or Helm values
 * when needed) as a `yaml` Document, comments attached, ready to be placed inside a wrapper.
 */
export function readConfigDocument(text: string): ConfigDocument {
  const extracted = extractCollectorConfig(text);
  if (!extracted.ok) return { ok: false, message: `Nothing to export: ${extracted.message}` };
  const docs = parseAllDocuments(extracted.text, { merge: false, uniqueKeys: false, prettyErrors: false }) as Document[];
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc || doc.errors.length > 0 || !isMap(doc.contents)) return { ok: false, message: 'Nothing to export: the config is not a YAML mapping without syntax errors.' };
  return { ok: true, text: extracted.text, doc, notes: extracted.from === 'collector-config' ? [] : extracted.notes };
}
