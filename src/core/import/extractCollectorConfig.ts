import { mergeHelmValues } from './mergeHelmValues';
import { recogniseImport, type ImportKind } from './recogniseImport';

export type ExtractedConfig =
  | { readonly ok: true; readonly text: string; readonly from: ImportKind; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * The Collector config held by `text`, as YAML text: the text itself for a plain config, the
 * embedded config of a ConfigMap or OpenTelemetryCollector, and for Helm values the config the
 * chart renders (its defaults merged in). Never throws.
 */
export function extractCollectorConfig(text: string): ExtractedConfig {
  const recognised = recogniseImport(text);
  switch (recognised.kind) {
    case 'collector-config':
      return { ok: true, text, from: recognised.kind, notes: [] };
    case 'configmap':
    case 'operator-v1alpha1':
    case 'operator-v1beta1':
      return recognised.configText === null
        ? { ok: false, message: recognised.sentence }
        : { ok: true, text: recognised.configText, from: recognised.kind, notes: [recognised.sentence] };
    case 'helm-values': {
      const merged = mergeHelmValues(text);
      if (!merged.ok) return merged;
      return { ok: true, text: merged.configText, from: recognised.kind, notes: [recognised.sentence, ...merged.explanation] };
    }
    default:
      return { ok: false, message: recognised.sentence };
  }
}
