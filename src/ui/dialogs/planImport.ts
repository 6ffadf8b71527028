/**
 * What importing some files would do, before the document is touched: what each file is, and the
 * config that would open (one file unwrapped, several merged like repeated `--config` flags, Helm
 * values merged over the chart's defaults). Pure: the dialog shows it, the user confirms it.
 */
import { mergeConfigs, type ConfigSource } from '../../core/import/mergeConfigs';
import { mergeHelmValues } from '../../core/import/mergeHelmValues';
import { recogniseImport, type ImportKind } from '../../core/import/recogniseImport';

export interface ImportedFile {
  readonly name: string;
  readonly kind: ImportKind;
  readonly sentence: string;
}

export type ImportPlan =
  | {
      readonly ok: true;
      readonly files: readonly ImportedFile[];
      /** The config that opens in the editor. */
      readonly text: string;
      /** How it was produced: `as-is`, unwrapped from a resource, merged from files, or rendered by the Helm chart. */
      readonly how: 'as-is' | 'unwrapped' | 'merged' | 'helm';
      readonly heading: string;
      readonly explanation: readonly string[];
    }
  | { readonly ok: false; readonly files: readonly ImportedFile[]; readonly message: string };

export interface ImportPlanOptions {
  /** Treat a plain config as the `config:` of Helm values and merge it over the chart's defaults. */
  readonly asHelmConfig?: boolean;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

export function planImport(sources: readonly ConfigSource[], options: ImportPlanOptions = {}): ImportPlan {
  const files = sources.map((s): ImportedFile => {
    const r = recogniseImport(s.text);
    return { name: s.name, kind: r.kind, sentence: r.sentence };
  });
  if (sources.length === 0) return { ok: false, files, message: 'Choose or drop one or more YAML files.' };
  const bad = files.find((f) => f.kind === 'not-yaml' || f.kind === 'not-collector-config');
  if (bad) return { ok: false, files, message: `${bad.name} cannot be opened. ${bad.sentence}` };

  const only = files.length === 1 ? files[0] : undefined;
  const source = sources[0];
  if (only && source) {
    if (only.kind === 'helm-values' || (only.kind === 'collector-config' && options.asHelmConfig)) {
      const values = only.kind === 'helm-values' ? source.text : `config:\n${indent(source.text)}`;
      const merged = mergeHelmValues(values);
      if (!merged.ok) return { ok: false, files, message: `${only.name}: ${merged.message}` };
      return {
        ok: true,
        files,
        text: merged.configText,
        how: 'helm',
        heading: "Merged over the opentelemetry-collector chart's default config",
        explanation: merged.explanation,
      };
    }
    const merged = mergeConfigs([source]);
    if (!merged.ok) return { ok: false, files, message: merged.message };
    return only.kind === 'collector-config'
      ? { ok: true, files, text: merged.text, how: 'as-is', heading: 'Opens as it is', explanation: [] }
      : { ok: true, files, text: merged.text, how: 'unwrapped', heading: 'The Collector config inside opens in the editor', explanation: [only.sentence] };
  }

  const helm = files.find((f) => f.kind === 'helm-values');
  if (helm) return { ok: false, files, message: `${helm.name} holds Helm values: the chart merges them over its own defaults, so import that file on its own.` };
  const merged = mergeConfigs(sources);
  if (!merged.ok) return { ok: false, files, message: merged.message };
  return { ok: true, files, text: merged.text, how: 'merged', heading: `Merged ${files.length} files in order, like repeated --config flags`, explanation: merged.summary };
}
