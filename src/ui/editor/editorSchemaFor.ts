/**
 * The JSON Schema monaco-yaml uses for completion and hover, for one distribution: the config's
 * sections, and per section the component types that distribution ships (with their
 * descriptions), as `type` or `type/name` keys. Memoised per distribution.
 */
import type { JSONSchema } from 'monaco-yaml';
import { componentsOf } from '../../core/catalog/catalog';
import type { ComponentKind } from '../../core/config/componentId';

const cache = new Map<string, JSONSchema>();

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function section(distribution: string, kind: ComponentKind, title: string): JSONSchema {
  const properties: Record<string, JSONSchema> = {};
  const patternProperties: Record<string, JSONSchema> = {};
  for (const entry of componentsOf(distribution, kind)) {
    const body: JSONSchema = {
      type: ['object', 'null'],
      title: entry.displayName,
      description: `${entry.description}\n\nStability: ${Object.entries(entry.stability).map(([s, l]) => `${s} ${l}`).join(', ')}${entry.docsUrl ? `\n\n${entry.docsUrl}` : ''}`,
    };
    for (const type of [entry.type, ...entry.deprecatedTypes]) {
      properties[type] = type === entry.type ? body : ({ ...body, deprecationMessage: `Deprecated alias of ${entry.type}; use ${entry.type}.`, description: `Deprecated alias of ${entry.type}. ${body.description}` } as JSONSchema);
      patternProperties[`^${escapeRegex(type)}/.+$`] = properties[type]!;
    }
  }
  return { type: ['object', 'null'], title, properties, patternProperties };
}

function pipelineList(title: string): JSONSchema {
  return { type: 'array', items: { type: 'string' }, description: title };
}

export function editorSchemaFor(distribution: string): JSONSchema {
  const cached = cache.get(distribution);
  if (cached) return cached;
  const pipeline: JSONSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      receivers: pipelineList('Receivers (or connectors) feeding this pipeline.'),
      processors: pipelineList('Processors, run in this order.'),
      exporters: pipelineList('Exporters (or connectors) this pipeline sends to.'),
    },
  };
  const schema: JSONSchema = {
    type: 'object',
    title: 'OpenTelemetry Collector configuration',
    additionalProperties: false,
    properties: {
      receivers: section(distribution, 'receiver', 'Receivers: how data gets into the Collector.'),
      processors: section(distribution, 'processor', 'Processors: what happens to data in a pipeline.'),
      exporters: section(distribution, 'exporter', 'Exporters: where data is sent.'),
      connectors: section(distribution, 'connector', 'Connectors: an exporter of one pipeline and a receiver of another.'),
      extensions: section(distribution, 'extension', 'Extensions: capabilities outside pipelines (health checks, auth, storage).'),
      service: {
        type: 'object',
        additionalProperties: false,
        properties: {
          extensions: { type: 'array', items: { type: 'string' }, description: 'Extensions to start, in order.' },
          pipelines: {
            type: 'object',
            description: 'Pipelines, keyed by signal[/name].',
            patternProperties: { '^(traces|metrics|logs|profiles)(/.+)?$': pipeline },
            additionalProperties: false,
          },
          telemetry: { type: 'object', description: "The Collector's own logs, metrics and traces." },
        },
      },
    },
  };
  cache.set(distribution, schema);
  return schema;
}
