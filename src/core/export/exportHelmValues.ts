import { Document, isMap, isScalar, parseDocument, Scalar, visit, YAMLMap, type Pair } from 'yaml';
import { keyText } from '../config/yamlNodes';
import { HELM_CHART_DEFAULT_CONFIG, HELM_CHART_SOURCE } from '../import/helmChartDefaultConfig';
import { isPlainMap, type PlainMap } from '../import/plainValues';
import { distributionImage } from './distributionImage';
import type { ExportOptions, ExportResult } from './exportTypes';
import { readConfigDocument } from './readConfigDocument';

const COMPONENT_SECTIONS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions'];
/**
 * The chart's template reads `.Values.config.service.telemetry.metrics.address`, which fails on a
 * missing map, so these stay maps (emptied) instead of being removed with null.
 */
const KEEP_AS_MAP = new Set(['service', 'service::telemetry', 'service::telemetry::metrics']);
const REMOVES_DEFAULT = ' chart default; null removes it';

let chartDefaults: PlainMap | null = null;
function defaults(): PlainMap {
  if (!chartDefaults) {
    const value: unknown = parseDocument(HELM_CHART_DEFAULT_CONFIG).toJS();
    chartDefaults = isPlainMap(value) ? value : {};
  }
  return chartDefaults;
}

function isNullNode(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyText(pair as Pair) === key) as Pair | undefined;
}

/**
 * Rewrites the user's config so that Helm's merge over the chart's default config yields it:
 * every default key the config does not have is set to null (Helm deletes null keys), and empty
 * component bodies become `{}` (a null would delete the component; `{}` means "defaults" to the
 * Collector just as null does).
 */
function neutraliseDefaults(doc: Document, map: YAMLMap, chart: PlainMap, path: string[], dropped: string[]): void {
  for (const [key, chartValue] of Object.entries(chart)) {
    const at = [...path, key].join('::');
    const pair = findPair(map, key);
    if (!pair) {
      if (KEEP_AS_MAP.has(at) && isPlainMap(chartValue)) {
        const emptied = new YAMLMap();
        neutraliseDefaults(doc, emptied, chartValue, [...path, key], dropped);
        map.items.push(doc.createPair(key, emptied));
        continue;
      }
      const removal = doc.createNode(null);
      removal.comment = REMOVES_DEFAULT;
      map.items.push(doc.createPair(key, removal));
      continue;
    }
    if (!isPlainMap(chartValue)) continue; // the user's scalar or list replaces the chart's
    if (isNullNode(pair.value)) pair.value = new YAMLMap();
    if (isMap(pair.value)) {
      neutraliseDefaults(doc, pair.value, chartValue, [...path, key], dropped);
      if (pair.value.items.length === 0) pair.value.flow = true;
    }
  }
  // Helm also drops the user's own null keys wherever it merges two maps.
  const merged = path.length === 0 || COMPONENT_SECTIONS.includes(path[0] ?? '') || path.join('::').startsWith('service');
  if (!merged) return;
  for (const item of map.items) {
    const pair = item as Pair;
    const key = keyText(pair) ?? '';
    if (Object.hasOwn(chart, key) || !isNullNode(pair.value)) continue;
    const component = path.length === 1 && COMPONENT_SECTIONS.includes(path[0] ?? '');
    if (component || path.join('::') === 'service::pipelines') pair.value = Object.assign(new YAMLMap(), { flow: true });
    else dropped.push([...path, key].join('::'));
  }
}

/** The chart renders its config through `tpl`, so a literal `{{` must be written as a template that prints it. */
function escapeTemplates(doc: Document): boolean {
  let escaped = false;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.value.includes('{{')) {
        node.value = node.value.replace(/\{\{/g, '{{ "{{" }}');
        escaped = true;
      }
    },
  });
  return escaped;
}

function usesType(config: unknown, type: string): boolean {
  const receivers = isPlainMap(config) ? config.receivers : null;
  return isPlainMap(receivers) && Object.keys(receivers).some((id) => id === type || id.startsWith(`${type}/`));
}

/**
 * Helm values for the opentelemetry-collector chart: `mode`, the distribution's image and binary,
 * and `config:` holding the config. Because the chart merges `config:` over its default config
 * (see `mergeHelmValues`), every default this config does not use is set to null here, so the
 * rendered config is this config and nothing else. `${env:X}` stays verbatim (Helm gives `$` no
 * meaning); `{{` is escaped because the chart passes the config through `tpl`.
 */
export function exportHelmValues(text: string, options: ExportOptions): ExportResult {
  const config = readConfigDocument(text);
  if (!config.ok) return config;
  const plain: unknown = config.doc.toJS({ maxAliasCount: 1000 });
  const configDoc = config.doc.clone();
  let hasAliases = false;
  visit(configDoc, {
    Alias() {
      hasAliases = true;
      return visit.BREAK;
    },
    Pair(_, pair) {
      if (keyText(pair) === '<<') {
        hasAliases = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  // Aliases and merge keys would be edited through their anchors; work on resolved data instead.
  const working = hasAliases ? new Document(plain) : configDoc;
  const root = working.contents;
  if (!isMap(root)) return { ok: false, message: 'Nothing to export: the config is not a mapping.' };
  const dropped: string[] = [];
  neutraliseDefaults(working, root, defaults(), [], dropped);
  const escaped = escapeTemplates(working);

  const image = distributionImage(options.distribution);
  const ports: PlainMap = {};
  if (!usesType(plain, 'jaeger')) for (const port of ['jaeger-compact', 'jaeger-thrift', 'jaeger-grpc']) ports[port] = { enabled: false };
  if (!usesType(plain, 'zipkin')) ports.zipkin = { enabled: false };
  if (!usesType(plain, 'otlp')) {
    ports.otlp = { enabled: false };
    ports['otlp-http'] = { enabled: false };
  }
  const values = new Document({
    mode: options.mode ?? 'deployment',
    image: { repository: image.repository, tag: image.tag },
    command: { name: image.binary },
    ...(Object.keys(ports).length > 0 ? { ports } : {}),
    config: {},
  });
  values.set('config', root);
  const tag = values.getIn(['image', 'tag'], true);
  if (isScalar(tag)) tag.type = Scalar.QUOTE_DOUBLE;
  const configPair = (values.contents as YAMLMap).items.find((p) => keyText(p as Pair) === 'config') as Pair;
  if (isScalar(configPair.key)) {
    configPair.key.commentBefore =
      " The chart merges config: over its default config, so the defaults this config does not use\n are set to null below: null removes a key in Helm (\"# chart default; null removes it\").";
  }
  const portsPair = (values.contents as YAMLMap).items.find((p) => keyText(p as Pair) === 'ports') as Pair | undefined;
  if (portsPair && isScalar(portsPair.key)) portsPair.key.commentBefore = ' The chart opens these ports by default; this config does not listen on them.';
  values.commentBefore = ` Values for the opentelemetry-collector Helm chart, written by Pipeline Studio.\n Chart defaults taken from ${HELM_CHART_SOURCE}.`;

  const notes = [...config.notes];
  if (!image.official) notes.push('Custom distribution: replace image.repository and command.name with your own build.');
  if (!/(^|\n)\s*health_check(\/[^:\s]*)?:/.test(config.text)) {
    notes.push("The chart's liveness and readiness probes call the health_check extension on port 13133; this config has none, so the pods will never become ready.");
  }
  if (dropped.length > 0) notes.push(`Helm deletes null values where it merges maps, so these keys will be absent (the Collector reads absent like null): ${dropped.join(', ')}.`);
  if (escaped) notes.push('The chart renders its config through tpl, so each "{{" is written as {{ "{{" }}; the rendered config has the original text.');
  return { ok: true, format: 'helm-values', files: [{ name: 'values.yaml', content: values.toString({ lineWidth: 0 }) }], notes };
}
