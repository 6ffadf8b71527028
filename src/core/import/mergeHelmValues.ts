/**
 * The config the opentelemetry-collector Helm chart renders from a values file.
 *
 * How the chart builds it (templates/_config.tpl, `opentelemetry-collector.baseConfig`): when
 * `alternateConfig` is non-empty it is used as is, with no defaults and `config:` ignored;
 * otherwise the config is `.Values.config`, and that value has already been merged by Helm itself:
 * Helm coalesces the user's values over the chart's values.yaml (helm `pkg/chartutil`
 * `coalesceValues` / `coalesceTablesFullKey`) —
 * - two maps merge key by key, recursively, the user's value winning;
 * - a key the user does not set keeps the chart's value;
 * - a user value of `null` deletes the key (Helm ≥ 3.13 also deletes null keys the chart does
 *   not define; older Helm left them as null) — so `batch:` written with nothing after it
 *   removes the chart's `batch: {}` instead of keeping it;
 * - lists and scalars replace; a user scalar where the chart has a map (or the reverse) keeps the
 *   user's value, with a Helm warning ("cannot overwrite table with non table").
 * The chart then applies enabled presets (logsCollection, kubernetesAttributes, hostMetrics, ...)
 * and the internalTelemetryViaOTLP switches, and finally renders the config through `tpl`, so
 * `{{ … }}` in it is evaluated. Presets and `tpl` are reported here, not applied.
 */
import { parseAllDocuments, stringify, type Document } from 'yaml';
import { HELM_CHART_DEFAULT_CONFIG, HELM_CHART_SOURCE } from './helmChartDefaultConfig';
import { isPlainMap, setOwn, type PlainMap } from './plainValues';

export type HelmMergeResult =
  | {
      readonly ok: true;
      /** The rendered config as YAML, keys sorted as Helm's `toYaml` writes them, with a header comment. */
      readonly configText: string;
      readonly config: PlainMap;
      /** Sentences for the user: what the chart's defaults added, what null removed, what is not simulated. */
      readonly explanation: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

interface Changes {
  readonly added: string[];
  readonly removed: string[];
  readonly conflicts: string[];
}

function readYaml(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: false, prettyErrors: false }) as Document[];
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return { ok: true, value: null };
  if (doc.errors.length > 0) return { ok: false, message: `The values file is not valid YAML: ${(doc.errors[0]?.message ?? '').split('\n')[0]}` };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) as unknown };
  } catch (error) {
    return { ok: false, message: `The values file cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

let chartDefaults: PlainMap | null = null;
function defaults(): PlainMap {
  if (!chartDefaults) {
    const read = readYaml(HELM_CHART_DEFAULT_CONFIG);
    chartDefaults = read.ok && isPlainMap(read.value) ? read.value : {};
  }
  return structuredClone(chartDefaults);
}

/** Helm's coalesce of user values (`dst`) over chart values (`src`), recording what happened. */
function coalesce(dst: PlainMap, src: PlainMap, path: string[], changes: Changes): PlainMap {
  const out: PlainMap = {};
  for (const [key, value] of Object.entries(dst)) {
    if (value === null) {
      // Deleted whether or not the chart defines it (Helm ≥ 3.13: null user keys are copied to src, then removed).
      if (Object.hasOwn(src, key)) changes.removed.push([...path, key].join('::'));
      continue;
    }
    setOwn(out, key, value);
  }
  for (const [key, chartValue] of Object.entries(src)) {
    const at = [...path, key];
    if (Object.hasOwn(dst, key) && dst[key] === null) continue;
    if (!Object.hasOwn(dst, key)) {
      setOwn(out, key, chartValue);
      recordAdded(at, chartValue, changes);
      continue;
    }
    const userValue = dst[key];
    if (isPlainMap(chartValue)) {
      if (isPlainMap(userValue)) setOwn(out, key, coalesce(userValue, chartValue, at, changes));
      else changes.conflicts.push(`${at.join('::')}: the chart has a map here and your values a ${Array.isArray(userValue) ? 'list' : 'scalar'}; Helm keeps yours and warns "cannot overwrite table with non table".`);
    } else if (isPlainMap(userValue) && chartValue !== null) {
      changes.conflicts.push(`${at.join('::')}: your values have a map where the chart has a scalar; Helm keeps yours and warns.`);
    }
  }
  return out;
}

const COMPONENT_SECTIONS = ['receivers', 'processors', 'exporters', 'extensions', 'connectors'];

/** Records a key taken from the chart, naming components and pipelines rather than whole sections. */
function recordAdded(path: readonly string[], value: unknown, changes: Changes): void {
  const joined = path.join('::');
  const expand =
    isPlainMap(value) && ((path.length === 1 && (COMPONENT_SECTIONS.includes(path[0] ?? '') || path[0] === 'service')) || joined === 'service::pipelines');
  if (!expand) {
    changes.added.push(joined);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (COMPONENT_SECTIONS.includes(path[0] ?? '') || joined === 'service::pipelines') changes.added.push([...path, key].join('::'));
    else recordAdded([...path, key], item, changes);
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainMap(value)) return value;
  const out: PlainMap = {};
  for (const key of Object.keys(value).sort()) setOwn(out, key, sortKeys(value[key]));
  return out;
}

function groupAdded(paths: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  const singles: string[] = [];
  for (const path of paths) {
    const parts = path.split('::');
    if (parts.length === 2 && ['receivers', 'processors', 'exporters', 'extensions', 'connectors'].includes(parts[0] ?? '')) {
      groups.set(parts[0] ?? '', [...(groups.get(parts[0] ?? '') ?? []), parts[1] ?? '']);
    } else if (parts.length === 3 && parts[0] === 'service' && parts[1] === 'pipelines') {
      groups.set('pipelines', [...(groups.get('pipelines') ?? []), parts[2] ?? '']);
    } else {
      singles.push(path);
    }
  }
  return [...[...groups.entries()].map(([section, names]) => `${section} ${names.join(', ')}`), ...singles];
}

function presetNotes(values: PlainMap): string[] {
  const notes: string[] = [];
  const presets = values.presets;
  if (isPlainMap(presets)) {
    const enabled = Object.entries(presets)
      .filter(([, preset]) => {
        if (!isPlainMap(preset)) return false;
        if (preset.enabled === true) return true;
        // annotationDiscovery has logs/metrics switches.
        return Object.values(preset).some((sub) => isPlainMap(sub) && sub.enabled === true);
      })
      .map(([name]) => name);
    if (enabled.length > 0) {
      notes.push(`Enabled presets (${enabled.join(', ')}) add their own receivers and processors when the chart renders; they are not shown here.`);
    }
  }
  const internal = values.internalTelemetryViaOTLP;
  if (isPlainMap(internal) && Object.values(internal).some((signal) => isPlainMap(signal) && signal.enabled === true)) {
    notes.push('internalTelemetryViaOTLP is enabled: the chart rewrites service::telemetry (and drops the prometheus self-scrape receiver for metrics); not shown here.');
  }
  return notes;
}

/**
 * Computes the config the opentelemetry-collector chart renders from `valuesText`, merging the
 * user's `config:` over the chart's default config (`HELM_CHART_DEFAULT_CONFIG`) the way Helm
 * does (see the module comment), and explains the result. Never throws.
 */
export function mergeHelmValues(valuesText: string): HelmMergeResult {
  const read = readYaml(valuesText);
  if (!read.ok) return read;
  const values = read.value === null ? {} : read.value;
  if (!isPlainMap(values)) return { ok: false, message: 'Helm values must be a mapping at the top level.' };
  const explanation: string[] = [];
  let config: PlainMap;
  const alternate = values.alternateConfig;
  if (isPlainMap(alternate) && Object.keys(alternate).length > 0) {
    config = alternate;
    explanation.push('alternateConfig is set: the chart uses it as the whole config, merges no defaults and ignores config:.');
  } else {
    if (Object.hasOwn(values, 'config') && values.config === null) {
      return { ok: false, message: 'config: is null: Helm deletes the key, so the chart has no config to render.' };
    }
    const user = values.config === undefined ? {} : values.config;
    if (!isPlainMap(user)) return { ok: false, message: 'config: must be a mapping (Helm keeps a non-map value and the chart cannot render it).' };
    const changes: Changes = { added: [], removed: [], conflicts: [] };
    config = coalesce(user, defaults(), [], changes);
    const added = groupAdded(changes.added);
    explanation.push(
      added.length > 0 ? `Merged over the chart's default config: added ${added.join('; ')}.` : "Merged over the chart's default config: it added nothing your values did not already set.",
    );
    if (changes.removed.length > 0) explanation.push(`Removed by null in your values: ${changes.removed.join(', ')}.`);
    explanation.push(...changes.conflicts);
  }
  explanation.push(...presetNotes(values));
  const sorted = sortKeys(config) as PlainMap;
  const body = stringify(sorted);
  if (body.includes('{{')) explanation.push('The chart renders the config through Helm\'s tpl, so the {{ … }} expressions in it are evaluated at install time; they are shown unevaluated.');
  const header = [
    '# The config the opentelemetry-collector Helm chart renders from these values:',
    `# config: merged over the chart's default config (${HELM_CHART_SOURCE}).`,
    "# Keys are sorted as the chart's toYaml writes them.",
  ].join('\n');
  return { ok: true, configText: `${header}\n${body}`, config: sorted, explanation };
}
