import { Document, isMap, type YAMLMap } from 'yaml';
import { distributionImage } from './distributionImage';
import type { ExportOptions, ExportResult } from './exportTypes';
import { readConfigDocument } from './readConfigDocument';

/**
 * An OpenTelemetryCollector resource for the OpenTelemetry Operator (`opentelemetry.io/v1beta1`):
 * `spec.config` is the config as a map (the user's nodes, so their comments survive in this file;
 * the Operator itself stores the map without comments), `spec.image` the distribution's image.
 * The Operator passes `${env:X}` through untouched; the Collector expands it from the pod's
 * environment, so the variables go under `spec.env`.
 */
export function exportOperatorCollector(text: string, options: ExportOptions): ExportResult {
  const config = readConfigDocument(text);
  if (!config.ok) return config;
  const name = options.name ?? 'otel-collector';
  const image = distributionImage(options.distribution);
  const doc = new Document({
    apiVersion: 'opentelemetry.io/v1beta1',
    kind: 'OpenTelemetryCollector',
    metadata: { name, ...(options.namespace ? { namespace: options.namespace } : {}) },
    spec: { mode: options.mode ?? 'deployment', image: `${image.repository}:${image.tag}`, config: {} },
  });
  const spec = doc.get('spec', true) as YAMLMap;
  const configNode = config.doc.contents;
  if (!isMap(configNode)) return { ok: false, message: 'Nothing to export: the config is not a mapping.' };
  spec.set('config', configNode);
  const notes = [...config.notes];
  if (!image.official) notes.push('Custom distribution: replace spec.image with your own build.');
  const names = [...new Set([...config.text.matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g)].map((m) => m[1] ?? ''))];
  if (names.length > 0) notes.push(`The config reads ${names.join(', ')} from the environment: add them under spec.env.`);
  return { ok: true, format: 'operator', files: [{ name: `${name}-collector.yaml`, content: doc.toString({ lineWidth: 0 }) }], notes };
}
