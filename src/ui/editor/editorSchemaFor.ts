/**
 * The JSON Schema monaco-yaml uses for completion and hover, for one distribution: the same
 * component schemas the validator compiles (`schemas/`, via `core/validation/editorSchema`).
 * Memoised per distribution.
 */
import type { JSONSchema } from 'monaco-yaml';
import { editorSchema } from '../../core/validation/editorSchema';

const cache = new Map<string, JSONSchema>();

export function editorSchemaFor(distribution: string): JSONSchema {
  let schema = cache.get(distribution);
  if (!schema) {
    schema = editorSchema(distribution) as JSONSchema;
    cache.set(distribution, schema);
  }
  return schema;
}
