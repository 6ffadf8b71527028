import { Document, Scalar } from 'yaml';
import type { ExportOptions, ExportResult } from './exportTypes';
import { readConfigDocument } from './readConfigDocument';

/** The ConfigMap key the opentelemetry-collector chart and most examples use. */
export const CONFIGMAP_KEY = 'relay';

/**
 * A Kubernetes ConfigMap holding the config verbatim — comments, order and `${env:X}` placeholders
 * included — as a block literal under `data.relay` (Kubernetes does not interpolate ConfigMap
 * data). The `yaml` library picks the chomping and indentation indicators (`|`, `|-`, `|+`, `|2`)
 * that make the text read back byte for byte.
 */
export function exportConfigMap(text: string, options: ExportOptions): ExportResult {
  const config = readConfigDocument(text);
  if (!config.ok) return config;
  const name = options.name ?? 'otel-collector';
  const literal = new Scalar(config.text);
  literal.type = Scalar.BLOCK_LITERAL;
  const doc = new Document({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, ...(options.namespace ? { namespace: options.namespace } : {}) },
    data: {},
  });
  doc.setIn(['data', CONFIGMAP_KEY], literal);
  doc.commentBefore = ` Collector config for Kubernetes: mount this ConfigMap (e.g. at /conf) and start the\n Collector with --config=/conf/${CONFIGMAP_KEY}.yaml (items: key ${CONFIGMAP_KEY}, path ${CONFIGMAP_KEY}.yaml).`;
  return {
    ok: true,
    format: 'configmap',
    files: [{ name: `${name}-configmap.yaml`, content: doc.toString({ lineWidth: 0 }) }],
    notes: [...config.notes, '${env:…} placeholders stay as written; set those variables on the Collector container.'],
  };
}
