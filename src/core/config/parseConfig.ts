/**
 * YAML text → `ConfigModel` with source ranges, using the `yaml` v2 Document API.
 *
 * Reads YAML the way the Collector does where it matters (config-semantics §4.4): only the first
 * document counts, duplicate keys are errors, YAML 1.2 core schema, anchors/aliases and `<<`
 * merge keys resolved, ids kept as the text the user wrote. It never throws: every problem
 * becomes a `Diagnostic` with a line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, SourcePosition, SourceRange } from '../diagnostics/diagnostic';
import { COMPONENT_KINDS, parseComponentId, parsePipelineId, sectionOf, type ComponentId, type PipelineId } from './componentId';
import type { ComponentDefinition, ComponentReference, ConfigModel, PipelineDefinition, PipelineRole, Unwrapping } from './configModel';
import { deref, describeShape, keyText, mapEntries, toPlain } from './yamlNodes';

/** Maps an offset inside the parsed text to a position in the user's text. */
type PositionMapper = (offset: number) => SourcePosition;

interface Source {
  readonly doc: Document;
  readonly at: PositionMapper;
}

const COLLECTOR_KEYS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions', 'service'];

function mapperFor(lineCounter: LineCounter, base = 0): PositionMapper {
  return (offset) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col, offset: offset + base };
  };
}

function rangeOf(at: PositionMapper, range: readonly number[] | null | undefined, fallback = 0): SourceRange {
  const start = range?.[0] ?? fallback;
  const end = range?.[1] ?? start;
  return { start: at(start), end: at(end) };
}

function pairRange(at: PositionMapper, pair: Pair): SourceRange {
  const key = pair.key as { range?: number[] } | null;
  const value = pair.value as { range?: number[] } | null;
  const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
  const end = value?.range?.[1] ?? key?.range?.[1] ?? start;
  return { start: at(start), end: at(end) };
}

function keyRange(at: PositionMapper, pair: Pair): SourceRange {
  return rangeOf(at, (pair.key as { range?: number[] } | null)?.range ?? (pair.value as { range?: number[] } | null)?.range);
}

function problem(message: string, range: SourceRange | null, code: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'error', message, range, stage: 'parse', origin: 'collector', code, ...extra };
}

function isCollectorMap(doc: Document, node: unknown): node is YAMLMap {
  const target = deref(doc, node);
  return isMap(target) && mapEntries(doc, target).some((e) => COLLECTOR_KEYS.includes(e.key));
}

function getEntry(doc: Document, map: YAMLMap, key: string): Pair | undefined {
  return mapEntries(doc, map).find((e) => e.key === key)?.pair;
}

function scalarString(doc: Document, node: unknown): string | null {
  const target = deref(doc, node);
  return isScalar(target) && typeof target.value === 'string' ? target.value : null;
}

/** Reports every duplicate key in every mapping, in the Collector's words (config-semantics §4.4). */
function duplicateKeys(source: Source): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(source.doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = keyText(pair);
        if (key === null || key === '<<') continue;
        const start = (pair.key as { range?: number[] } | null)?.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, start);
          continue;
        }
        found.push(
          problem(`mapping key ${JSON.stringify(key)} already defined at line ${source.at(first).line}`, keyRange(source.at, pair), 'yaml-duplicate-key'),
        );
      }
    },
  });
  return found;
}

function syntaxErrors(doc: Document, at: PositionMapper): Diagnostic[] {
  return doc.errors
    .filter((e) => e.code !== 'DUPLICATE_KEY')
    .map((e) => {
      const firstLine = e.message.split('\n')[0] ?? e.message;
      // yaml appends " at line N, column M:" — our range carries the position already.
      const text = firstLine.replace(/ at line \d+, column \d+:?$/, '');
      return problem(`yaml: ${text}`, rangeOf(at, e.pos), 'yaml-syntax');
    });
}

interface Located {
  readonly root: YAMLMap | null;
  readonly source: Source;
  readonly unwrapped: Unwrapping | null;
  readonly diagnostics: Diagnostic[];
}

/** Parses the config held in a string scalar (ConfigMap data, v1alpha1 `spec.config`). */
function parseEmbedded(outerText: string, outer: Source, pair: Pair): { source: Source; root: YAMLMap | null; diagnostics: Diagnostic[] } | null {
  const value = deref(outer.doc, pair.value);
  if (!isScalar(value) || typeof value.value !== 'string') return null;
  const inner = value.value;
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(inner, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: false });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return null;
  const range = (value.range ?? [0, 0]) as number[];
  const literal = value.type === 'BLOCK_LITERAL';
  // Precise mapping for literal blocks: inner line i (1-based) is outer content line i.
  const contentStarts: number[] = [];
  let indent = 0;
  if (literal) {
    let p = outerText.indexOf('\n', range[0] ?? 0);
    const end = range[1] ?? outerText.length;
    while (p >= 0 && p + 1 <= end) {
      contentStarts.push(p + 1);
      p = outerText.indexOf('\n', p + 1);
    }
    for (const start of contentStarts) {
      const nl = outerText.indexOf('\n', start);
      const line = outerText.slice(start, nl < 0 ? undefined : nl);
      if (line.trim() === '') continue;
      indent = line.length - line.trimStart().length;
      break;
    }
  }
  const at: PositionMapper = (innerOffset) => {
    if (!literal) return outer.at(range[0] ?? 0);
    const pos = lineCounter.linePos(innerOffset);
    const lineStart = contentStarts[pos.line - 1];
    if (lineStart === undefined) return outer.at(range[1] ?? 0);
    return outer.at(lineStart + indent + pos.col - 1);
  };
  const source = { doc, at };
  const root = deref(doc, doc.contents);
  return { source, root: isMap(root) ? root : null, diagnostics: syntaxErrors(doc, at) };
}

function locateConfig(text: string, docs: Document[], lineCounter: LineCounter): Located {
  const at = mapperFor(lineCounter);
  const first = docs[0];
  if (!first) {
    const doc = parseAllDocuments('', { lineCounter: new LineCounter() }) as Document[];
    return { root: null, source: { doc: doc[0]!, at }, unwrapped: null, diagnostics: [] };
  }
  const firstSource = { doc: first, at };
  const firstRoot = deref(first, first.contents);
  if (isMap(firstRoot) && isCollectorMap(first, firstRoot)) return { root: firstRoot, source: firstSource, unwrapped: null, diagnostics: [] };

  for (const doc of docs) {
    const source = { doc, at };
    const root = deref(doc, doc.contents);
    if (!isMap(root)) continue;
    const kind = scalarString(doc, getEntry(doc, root, 'kind')?.value);
    const apiVersion = scalarString(doc, getEntry(doc, root, 'apiVersion')?.value) ?? '';
    const metadata = deref(doc, getEntry(doc, root, 'metadata')?.value);
    const name = isMap(metadata) ? (scalarString(doc, getEntry(doc, metadata, 'name')?.value) ?? '') : '';

    if (kind === 'ConfigMap') {
      const data = deref(doc, getEntry(doc, root, 'data')?.value);
      if (!isMap(data)) continue;
      for (const entry of mapEntries(doc, data)) {
        const embedded = parseEmbedded(text, source, entry.pair);
        if (embedded?.root && isCollectorMap(embedded.source.doc, embedded.root)) {
          return {
            root: embedded.root,
            source: embedded.source,
            diagnostics: embedded.diagnostics,
            unwrapped: {
              kind: 'configmap',
              description: `Collector config read from ConfigMap ${name || '(unnamed)'}, key "${entry.key}"`,
              range: pairRange(at, entry.pair),
            },
          };
        }
      }
    }
    if (kind === 'OpenTelemetryCollector') {
      const spec = deref(doc, getEntry(doc, root, 'spec')?.value);
      const configPair = isMap(spec) ? getEntry(doc, spec, 'config') : undefined;
      if (!configPair) continue;
      const configValue = deref(doc, configPair.value);
      if (isMap(configValue)) {
        return {
          root: configValue,
          source,
          diagnostics: [],
          unwrapped: {
            kind: 'operator-v1beta1',
            description: `Collector config read from OpenTelemetryCollector ${name || '(unnamed)'} (${apiVersion || 'v1beta1'}, spec.config as a map)`,
            range: pairRange(at, configPair),
          },
        };
      }
      const embedded = parseEmbedded(text, source, configPair);
      if (embedded) {
        return {
          root: embedded.root,
          source: embedded.source,
          diagnostics: embedded.diagnostics,
          unwrapped: {
            kind: 'operator-v1alpha1',
            description: `Collector config read from OpenTelemetryCollector ${name || '(unnamed)'} (${apiVersion || 'v1alpha1'}, spec.config as a string)`,
            range: pairRange(at, configPair),
          },
        };
      }
    }
    const helmConfig = getEntry(doc, root, 'config');
    if (helmConfig && isCollectorMap(doc, helmConfig.value)) {
      return {
        root: deref(doc, helmConfig.value) as YAMLMap,
        source,
        diagnostics: [],
        unwrapped: {
          kind: 'helm-values',
          description: 'Collector config read from Helm values (the opentelemetry-collector chart\'s "config:" key)',
          range: pairRange(at, helmConfig),
        },
      };
    }
  }
  return { root: isMap(firstRoot) ? firstRoot : null, source: firstSource, unwrapped: null, diagnostics: [] };
}

function readReferences(source: Source, node: unknown, where: string, diagnostics: Diagnostic[], pipelineId?: string): ComponentReference[] {
  const { doc, at } = source;
  const target = deref(doc, node);
  if (target === null || target === undefined) return [];
  if (isScalar(target) && target.value === null) return [];
  if (!isSeq(target)) {
    // config-semantics §5.4: a scalar where a list is expected fails decoding.
    diagnostics.push(
      problem(`'${where}' expected a list of component ids, got ${describeShape(target)}`, rangeOf(at, (target as { range?: number[] }).range), 'shape-list', {
        stage: 'decode',
        ...(pipelineId ? { pipelineId } : {}),
      }),
    );
    return [];
  }
  const refs: ComponentReference[] = [];
  target.items.forEach((item, index) => {
    const value = deref(doc, item);
    const range = rangeOf(at, (item as { range?: number[] } | null)?.range);
    if (!isScalar(value) || value.value === null || typeof value.value === 'object') {
      diagnostics.push(
        problem(`'${where}[${index}]' expected a component id, got ${describeShape(value)}`, range, 'shape-id', {
          stage: 'decode',
          ...(pipelineId ? { pipelineId } : {}),
        }),
      );
      return;
    }
    const raw = typeof value.source === 'string' ? value.source : String(value.value);
    const parsed = parseComponentId(raw);
    refs.push({ raw, id: parsed.ok ? parsed.id : null, idError: parsed.ok ? null : parsed.message, range, index });
  });
  return refs;
}

function readComponents(source: Source, root: YAMLMap, diagnostics: Diagnostic[]): ComponentDefinition[] {
  const { doc, at } = source;
  const definitions: ComponentDefinition[] = [];
  for (const kind of COMPONENT_KINDS) {
    const section = sectionOf(kind);
    const sectionPair = getEntry(doc, root, section);
    if (!sectionPair) continue;
    const body = deref(doc, sectionPair.value);
    if (body === null || body === undefined || (isScalar(body) && body.value === null)) continue;
    if (!isMap(body)) {
      diagnostics.push(
        problem(`'${section}' expected a map, got ${describeShape(body)}`, rangeOf(at, (body as { range?: number[] }).range), 'shape-section', { stage: 'decode' }),
      );
      continue;
    }
    for (const entry of mapEntries(doc, body)) {
      const parsed = parseComponentId(entry.key);
      const id = (parsed.ok ? parsed.id : entry.key) as ComponentId;
      definitions.push({
        id,
        kind,
        type: parsed.ok ? parsed.type : entry.key,
        name: parsed.ok ? parsed.name : '',
        rawKey: entry.key,
        idError: parsed.ok ? null : parsed.message,
        keyRange: keyRange(at, entry.pair),
        range: pairRange(at, entry.pair),
        config: toPlain(doc, entry.pair.value),
      });
    }
  }
  return definitions;
}

function readPipelines(source: Source, service: YAMLMap, diagnostics: Diagnostic[]): PipelineDefinition[] {
  const { doc, at } = source;
  const pipelinesPair = getEntry(doc, service, 'pipelines');
  if (!pipelinesPair) return [];
  const body = deref(doc, pipelinesPair.value);
  if (body === null || (isScalar(body) && body.value === null)) return [];
  if (!isMap(body)) {
    diagnostics.push(
      problem(`'service.pipelines' expected a map, got ${describeShape(body)}`, rangeOf(at, (body as { range?: number[] }).range), 'shape-pipelines', {
        stage: 'decode',
      }),
    );
    return [];
  }
  const pipelines: PipelineDefinition[] = [];
  for (const entry of mapEntries(doc, body)) {
    const parsed = parsePipelineId(entry.key);
    const id = (parsed.ok ? parsed.id : entry.key) as PipelineId;
    const value = deref(doc, entry.pair.value);
    const lists: Record<PipelineRole, ComponentReference[]> = { receivers: [], processors: [], exporters: [] };
    if (isMap(value)) {
      for (const role of ['receivers', 'processors', 'exporters'] as const) {
        const rolePair = getEntry(doc, value, role);
        if (rolePair) lists[role] = readReferences(source, rolePair.value, `service.pipelines[${entry.key}].${role}`, diagnostics, id);
      }
    } else if (!(value === null || (isScalar(value) && value.value === null))) {
      diagnostics.push(
        problem(`'service.pipelines[${entry.key}]' expected a map, got ${describeShape(value)}`, rangeOf(at, (value as { range?: number[] }).range), 'shape-pipeline', {
          stage: 'decode',
          pipelineId: id,
        }),
      );
    }
    pipelines.push({
      id,
      signal: parsed.ok ? parsed.signal : null,
      rawKey: entry.key,
      idError: parsed.ok ? null : parsed.message,
      keyRange: keyRange(at, entry.pair),
      range: pairRange(at, entry.pair),
      ...lists,
    });
  }
  return pipelines;
}

const EMPTY_RANGE: SourceRange = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * Parses a Collector config (or a ConfigMap, OpenTelemetryCollector resource or Helm values
 * holding one) into a `ConfigModel`. Never throws.
 */
export function parseConfig(text: string): ConfigModel {
  const lineCounter = new LineCounter();
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: false }) as Document[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return emptyModel([problem(`yaml: ${message}`, EMPTY_RANGE, 'yaml-syntax')]);
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document];
  const at = mapperFor(lineCounter);
  const first = docs[0];
  const diagnostics: Diagnostic[] = first ? [...syntaxErrors(first, at)] : [];
  if (docs.length > 1 && first && isCollectorMap(first, first.contents)) {
    diagnostics.push({
      severity: 'warning',
      message: `the text holds ${docs.length} YAML documents; the Collector reads only the first`,
      range: rangeOf(at, (docs[1]?.contents as { range?: number[] } | null)?.range),
      stage: 'parse',
      origin: 'studio',
      code: 'yaml-multiple-documents',
    });
  }
  const located = locateConfig(text, docs, lineCounter);
  diagnostics.push(...located.diagnostics);
  const { source, root, unwrapped } = located;
  if (source.doc) diagnostics.push(...duplicateKeys(source));

  const contents = source.doc ? deref(source.doc, source.doc.contents) : null;
  if (!root) {
    if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) {
      if (diagnostics.some((d) => d.severity === 'error')) return emptyModel(diagnostics, false);
      // An empty file is a config with nothing in it; validation reports what is missing.
      return emptyModel(diagnostics, true);
    }
    const shape = describeShape(contents);
    const range = rangeOf(source.at, (contents as { range?: number[] }).range);
    diagnostics.push(
      problem(`the config must be a mapping of sections (receivers, exporters, service, ...) at the top level, but it is ${shape}`, range, 'root-not-map', {
        stage: 'decode',
      }),
    );
    return emptyModel(diagnostics, false);
  }

  const rootKeys = mapEntries(source.doc, root).map((e) => ({ key: e.key, range: keyRange(source.at, e.pair) }));
  const components = readComponents(source, root, diagnostics);
  let pipelines: PipelineDefinition[] = [];
  let serviceExtensions: ComponentReference[] = [];
  const servicePair = getEntry(source.doc, root, 'service');
  if (servicePair) {
    const service = deref(source.doc, servicePair.value);
    if (isMap(service)) {
      pipelines = readPipelines(source, service, diagnostics);
      const extensionsPair = getEntry(source.doc, service, 'extensions');
      if (extensionsPair) serviceExtensions = readReferences(source, extensionsPair.value, 'service.extensions', diagnostics);
    } else if (!(service === null || (isScalar(service) && service.value === null))) {
      diagnostics.push(
        problem(`'service' expected a map, got ${describeShape(service)}`, rangeOf(source.at, (service as { range?: number[] }).range), 'shape-service', {
          stage: 'decode',
        }),
      );
    }
  }
  if (unwrapped) {
    diagnostics.push({
      severity: 'info',
      message: unwrapped.description,
      range: unwrapped.range,
      stage: 'parse',
      origin: 'studio',
      code: 'unwrapped',
    });
  }
  return { components, pipelines, serviceExtensions, rootKeys, unwrapped, diagnostics, usable: true };
}

function emptyModel(diagnostics: Diagnostic[], usable = false): ConfigModel {
  return { components: [], pipelines: [], serviceExtensions: [], rootKeys: [], unwrapped: null, diagnostics, usable };
}
