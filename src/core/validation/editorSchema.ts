/**
 * One JSON Schema for the whole config, for monaco-yaml completion and hover, restricted to a
 * distribution's component types. Each section lists `type` keys (completion) and matches
 * `type/name` keys through patternProperties; deprecated aliases carry a deprecation message.
 */
import baseSchema from '../../../schemas/collector-config.schema.json';
import { componentsOf, CUSTOM_DISTRIBUTION, type CatalogEntry } from '../catalog/catalog';
import { COMPONENT_KINDS, sectionOf, type ComponentKind } from '../config/componentId';
import componentSchemas from './generated/componentSchemas.json';

type JsonSchema = Record<string, unknown>;

const schemas = componentSchemas as Record<string, JsonSchema>;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function componentDefinition(entry: CatalogEntry): JsonSchema {
  const schema = schemas[`${entry.kind}:${entry.type}`] ?? { type: ['object', 'null'] };
  const description = schema.description ?? entry.description;
  const docs = entry.docsUrl ? `\n\n[Documentation](${entry.docsUrl})` : '';
  return {
    ...schema,
    title: schema.title ?? entry.displayName,
    description,
    markdownDescription: `**${entry.displayName}** (\`${entry.type}\`, ${entry.signals.join(', ') || entry.signalPairs.join(', ') || entry.kind})\n\n${String(description)}${docs}`,
  };
}

function sectionSchema(kind: ComponentKind, distribution: string, definitions: Record<string, JsonSchema>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const patternProperties: Record<string, JsonSchema> = {};
  for (const entry of componentsOf(distribution, kind)) {
    const defName = `${kind}.${entry.type}`;
    definitions[defName] = componentDefinition(entry);
    const ref = { $ref: `#/definitions/${defName}` };
    properties[entry.type] = ref;
    patternProperties[`^${escapeRegExp(entry.type)}/.+$`] = ref;
    for (const alias of entry.deprecatedTypes) {
      const deprecated = { allOf: [ref], deprecationMessage: `"${alias}" alias is deprecated; use "${entry.type}" instead` };
      properties[alias] = deprecated;
      patternProperties[`^${escapeRegExp(alias)}/.+$`] = deprecated;
    }
  }
  const base = (baseSchema.properties as Record<string, { description?: string }>)[sectionOf(kind)];
  return {
    type: ['object', 'null'],
    description: base?.description,
    properties,
    patternProperties,
    // A custom build may hold any component; elsewhere an unknown type is an error (§3.1).
    additionalProperties: distribution === CUSTOM_DISTRIBUTION ? { type: ['object', 'null'] } : false,
  };
}

/** The editor schema for a distribution (`core`, `contrib`, ..., `custom`). */
export function editorSchema(distribution: string): object {
  const definitions: Record<string, JsonSchema> = { ...(baseSchema.definitions as Record<string, JsonSchema>) };
  const properties: Record<string, unknown> = { ...(baseSchema.properties as Record<string, unknown>) };
  for (const kind of COMPONENT_KINDS) properties[sectionOf(kind)] = sectionSchema(kind, distribution, definitions);
  return { ...baseSchema, $id: `${baseSchema.$id}#${distribution}`, properties, definitions };
}
