import { exportConfigMap } from './exportConfigMap';
import { exportDockerCompose } from './exportDockerCompose';
import { exportHelmValues } from './exportHelmValues';
import { exportOperatorCollector } from './exportOperatorCollector';
import type { ExportFormat, ExportOptions, ExportResult } from './exportTypes';
import { readConfigDocument } from './readConfigDocument';

/**
 * Exports the config in `text` (a plain config, or one wrapped in a ConfigMap, Operator resource
 * or Helm values) as `format`. `${env:X}` placeholders are kept verbatim in every format. Never throws.
 */
export function exportConfig(text: string, format: ExportFormat, options: ExportOptions): ExportResult {
  switch (format) {
    case 'yaml': {
      const config = readConfigDocument(text);
      if (!config.ok) return config;
      return { ok: true, format, files: [{ name: 'config.yaml', content: config.text }], notes: config.notes };
    }
    case 'helm-values':
      return exportHelmValues(text, options);
    case 'configmap':
      return exportConfigMap(text, options);
    case 'operator':
      return exportOperatorCollector(text, options);
    case 'docker-compose':
      return exportDockerCompose(text, options);
  }
}
