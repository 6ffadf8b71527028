/**
 * What a dropped or pasted file is, in the user's words: a Collector config, a Kubernetes
 * ConfigMap or OpenTelemetryCollector resource holding one, Helm values of the
 * opentelemetry-collector chart, YAML that is something else, or not YAML at all.
 * Recognition mirrors `parseConfig`'s unwrapping (it reads the same shapes) but also returns the
 * config alone as text, so import and export can work on it.
 */
import { isMap, isScalar, LineCounter, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { deref, mapEntries } from '../config/yamlNodes';
import { blockText } from './blockText';

export type ImportKind =
  | 'collector-config'
  | 'configmap'
  | 'operator-v1alpha1'
  | 'operator-v1beta1'
  | 'helm-values'
  | 'not-yaml'
  | 'not-collector-config';

export interface ImportRecognition {
  readonly kind: ImportKind;
  /** One sentence for the user, e.g. `ConfigMap "otel-agent", key "relay": a Collector config.` */
  readonly sentence: string;
  /**
   * The Collector config alone, as YAML text with its comments where the wrapper keeps them;
   * for Helm values the user's `config:` (or `alternateConfig:`) before the chart's defaults are
   * merged in (`mergeHelmValues` does that). Null when there is no config.
   */
  readonly configText: string | null;
  /** The resource name (ConfigMap, OpenTelemetryCollector), when there is one. */
  readonly resourceName?: string;
  /** The ConfigMap data key holding the config. */
  readonly configMapKey?: string;
}

const COLLECTOR_KEYS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions', 'service'];
const PARSE_OPTIONS = { uniqueKeys: false, merge: true, prettyErrors: false } as const;

function isCollectorMap(doc: Document, node: unknown): node is YAMLMap {
  const target = deref(doc, node);
  return isMap(target) && mapEntries(doc, target).some((e) => COLLECTOR_KEYS.includes(e.key));
}

function entry(doc: Document, map: YAMLMap, key: string): unknown {
  return deref(doc, mapEntries(doc, map).find((e) => e.key === key)?.pair.value);
}

function text(doc: Document, node: unknown): string | null {
  const target = deref(doc, node);
  return isScalar(target) && typeof target.value === 'string' ? target.value : null;
}

function describeConfig(doc: Document, root: YAMLMap): string {
  const counts: string[] = [];
  for (const section of ['receivers', 'processors', 'exporters', 'connectors', 'extensions']) {
    const body = entry(doc, root, section);
    const n = isMap(body) ? body.items.length : 0;
    if (n > 0) counts.push(`${n} ${n === 1 ? section.slice(0, -1) : section}`);
  }
  const service = entry(doc, root, 'service');
  const pipelines = isMap(service) ? entry(doc, service, 'pipelines') : null;
  const p = isMap(pipelines) ? pipelines.items.length : 0;
  if (p > 0) counts.push(`${p} pipeline${p === 1 ? '' : 's'}`);
  return counts.length > 0 ? ` with ${joinList(counts)}` : '';
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function parseInner(inner: string): { doc: Document; root: YAMLMap } | null {
  const docs = parseAllDocuments(inner, PARSE_OPTIONS) as Document[];
  const doc = docs[0];
  if (!doc || doc.errors.length > 0) return null;
  const root = deref(doc, doc.contents);
  return isMap(root) && isCollectorMap(doc, root) ? { doc, root } : null;
}

function where(index: number, total: number): string {
  return total > 1 ? ` (document ${index + 1} of ${total})` : '';
}

function recogniseWrapper(source: string, doc: Document, root: YAMLMap, index: number, total: number): ImportRecognition | null {
  const kind = text(doc, entry(doc, root, 'kind'));
  const apiVersion = text(doc, entry(doc, root, 'apiVersion')) ?? '';
  const metadata = entry(doc, root, 'metadata');
  const name = (isMap(metadata) ? text(doc, entry(doc, metadata, 'name')) : null) ?? '';
  const shownName = name ? `"${name}"` : '(unnamed)';

  if (kind === 'ConfigMap') {
    const data = entry(doc, root, 'data');
    if (!isMap(data)) return null;
    const keys = mapEntries(doc, data).filter((e) => {
      const value = text(doc, e.pair.value);
      return value !== null && parseInner(value) !== null;
    });
    const first = keys[0];
    if (!first) return null;
    const inner = text(doc, first.pair.value) ?? '';
    const parsed = parseInner(inner);
    const others = keys.length > 1 ? ` Other keys holding configs: ${keys.slice(1).map((k) => `"${k.key}"`).join(', ')}.` : '';
    return {
      kind: 'configmap',
      sentence: `Kubernetes ConfigMap ${shownName}${where(index, total)}: key "${first.key}" holds a Collector config${parsed ? describeConfig(parsed.doc, parsed.root) : ''}.${others}`,
      configText: inner,
      resourceName: name,
      configMapKey: first.key,
    };
  }
  if (kind === 'OpenTelemetryCollector') {
    const spec = entry(doc, root, 'spec');
    const config = isMap(spec) ? entry(doc, spec, 'config') : null;
    const version = apiVersion.split('/')[1] ?? apiVersion;
    if (isMap(config)) {
      return {
        kind: 'operator-v1beta1',
        sentence: `OpenTelemetryCollector ${shownName} (${apiVersion || 'opentelemetry.io/v1beta1'})${where(index, total)}: spec.config holds a Collector config${describeConfig(doc, config)}.`,
        configText: blockText(source, doc, config),
        resourceName: name,
      };
    }
    const inner = text(doc, config);
    if (inner !== null) {
      const parsed = parseInner(inner);
      return {
        kind: 'operator-v1alpha1',
        sentence: `OpenTelemetryCollector ${shownName} (${apiVersion || 'opentelemetry.io/v1alpha1'})${where(index, total)}: spec.config is a string holding a Collector config${parsed ? describeConfig(parsed.doc, parsed.root) : ''}.${version === 'v1beta1' ? ' (v1beta1 expects a map here.)' : ''}`,
        configText: inner,
        resourceName: name,
      };
    }
  }
  return null;
}

function recogniseHelm(source: string, doc: Document, root: YAMLMap): ImportRecognition | null {
  const config = entry(doc, root, 'config');
  const alternate = entry(doc, root, 'alternateConfig');
  const mode = text(doc, entry(doc, root, 'mode'));
  const chartish = ['mode', 'presets', 'image', 'command', 'ports', 'alternateConfig'].some((key) => entry(doc, root, key) !== undefined);
  const hasConfig = isCollectorMap(doc, config);
  const hasAlternate = isMap(alternate) && alternate.items.length > 0;
  if (!hasConfig && !hasAlternate && !(chartish && (isMap(config) || config === undefined) && mode !== null)) return null;
  const modeText = mode ? ` (mode: ${mode})` : '';
  if (hasAlternate) {
    return {
      kind: 'helm-values',
      sentence: `Helm values for the opentelemetry-collector chart${modeText}: alternateConfig is set, so the chart uses it as the whole config (no defaults merged; config: is ignored).`,
      configText: blockText(source, doc, alternate),
    };
  }
  return {
    kind: 'helm-values',
    sentence: `Helm values for the opentelemetry-collector chart${modeText}: the chart merges this config: over its default config${isMap(config) ? describeConfig(doc, config) : ''}.`,
    configText: isMap(config) ? blockText(source, doc, config) : '',
  };
}

function firstError(doc: Document, lineCounter: LineCounter): string {
  const error = doc.errors[0];
  if (!error) return '';
  const line = lineCounter.linePos(error.pos[0]).line;
  const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  return `${message} (line ${line})`;
}

/** Recognises what `source` is. Never throws. */
export function recogniseImport(source: string): ImportRecognition {
  if (source.trim() === '') return { kind: 'not-collector-config', sentence: 'The file is empty.', configText: null };
  const lineCounter = new LineCounter();
  let docs: Document[];
  try {
    docs = parseAllDocuments(source, { ...PARSE_OPTIONS, lineCounter }) as Document[];
  } catch (error) {
    return { kind: 'not-yaml', sentence: `This is not YAML: ${error instanceof Error ? error.message : String(error)}.`, configText: null };
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document];
  const first = docs[0];
  if (first && first.errors.length > 0) {
    return { kind: 'not-yaml', sentence: `This is not valid YAML: ${firstError(first, lineCounter)}.`, configText: null };
  }
  const firstRoot = first ? deref(first, first.contents) : null;
  if (first && isMap(firstRoot) && isCollectorMap(first, firstRoot)) {
    return { kind: 'collector-config', sentence: `A Collector config${describeConfig(first, firstRoot)}.`, configText: source };
  }
  for (const [index, doc] of docs.entries()) {
    if (doc.errors.length > 0) continue;
    const root = deref(doc, doc.contents);
    if (!isMap(root)) continue;
    const wrapped = recogniseWrapper(source, doc, root, index, docs.length);
    if (wrapped) return wrapped;
  }
  if (first && isMap(firstRoot)) {
    const helm = recogniseHelm(source, first, firstRoot);
    if (helm) return helm;
  }
  return { kind: 'not-collector-config', sentence: notACollectorConfig(first, firstRoot), configText: null };
}

function notACollectorConfig(doc: Document | undefined, root: unknown): string {
  if (!doc || !isMap(root)) return 'This is YAML, but not a Collector config: the top level is not a mapping of sections (receivers, exporters, service, ...).';
  const kind = text(doc, entry(doc, root, 'kind'));
  if (kind) return `This is YAML, but not a Collector config: it is a Kubernetes ${kind} with no Collector config inside.`;
  if (entry(doc, root, 'resourceSpans') !== undefined) return 'This is OTLP trace data, not a Collector config: import it as sample traces instead.';
  if (entry(doc, root, 'resourceLogs') !== undefined || entry(doc, root, 'resourceMetrics') !== undefined) return 'This is OTLP telemetry data, not a Collector config.';
  return 'This is YAML, but not a Collector config: it has none of the sections receivers, processors, exporters, connectors, extensions or service.';
}
