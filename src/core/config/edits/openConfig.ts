/**
 * Parses the text once for an edit and finds the Collector config inside it, the same way
 * `parseConfig` does (first document; else an OpenTelemetryCollector `spec.config` map or Helm
 * values' `config:` map), plus the layout facts an edit needs to look native: line ending,
 * indent unit, how block lists sit under their key.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type YAMLMap } from 'yaml';
import { deref, keyText, mapEntries } from '../yamlNodes';
import { refuse, type EditRefused } from './editResult';
import { columnOf, detectEol } from './textLines';

const COLLECTOR_KEYS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions', 'service'];

export interface ConfigDocument {
  readonly text: string;
  readonly doc: Document;
  /** The Collector config map; null when the document is empty (only comments or nothing). */
  readonly root: YAMLMap | null;
  readonly eol: string;
  /** Spaces per nesting level (2 or 4 in practice). */
  readonly unit: number;
  /** Columns between a key and the `-` of its block list: `unit` (indented) or 0 (`- ` under the key). */
  readonly seqIndent: number;
  /** Style for a new pipeline list when nothing nearby decides: the document's first pipeline list. */
  readonly listStyle: 'flow' | 'block';
  /** Anchors that some alias uses: editing inside such a node changes every alias too. */
  readonly usedAnchors: ReadonlySet<string>;
}

function isCollectorMap(doc: Document, node: unknown): node is YAMLMap {
  const target = deref(doc, node);
  return isMap(target) && mapEntries(doc, target).some((e) => COLLECTOR_KEYS.includes(e.key));
}

function entryValue(doc: Document, map: YAMLMap, key: string): unknown {
  return deref(doc, mapEntries(doc, map).find((e) => e.key === key)?.pair.value);
}

function stringValue(doc: Document, map: YAMLMap, key: string): string | null {
  const value = entryValue(doc, map, key);
  return isScalar(value) && typeof value.value === 'string' ? value.value : null;
}

function holdsCollectorConfig(node: unknown): boolean {
  if (!isScalar(node) || typeof node.value !== 'string') return false;
  const inner = parseAllDocuments(node.value, { uniqueKeys: false, merge: true })[0];
  return inner !== undefined && isCollectorMap(inner, inner.contents);
}

type Located = { doc: Document; root: YAMLMap | null } | EditRefused;

/** Mirrors parseConfig's locateConfig; configs held in a string (ConfigMap, v1alpha1) are refused. */
function locate(docs: Document[]): Located {
  const first = docs[0];
  // An empty text has no document at all; edits then write into an empty one.
  if (!first) return { doc: new Document(null), root: null };
  const firstRoot = deref(first, first.contents);
  if (isMap(firstRoot) && isCollectorMap(first, firstRoot)) return { doc: first, root: firstRoot };
  for (const doc of docs) {
    const root = deref(doc, doc.contents);
    if (!isMap(root)) continue;
    const kind = stringValue(doc, root, 'kind');
    if (kind === 'ConfigMap') {
      const data = entryValue(doc, root, 'data');
      if (isMap(data) && mapEntries(doc, data).some((e) => holdsCollectorConfig(deref(doc, e.pair.value)))) {
        return refuse(
          'The Collector config is embedded as a string in a ConfigMap; canvas edits cannot be placed inside that string yet. Edit it in the text editor, or import the config on its own.',
        );
      }
    }
    if (kind === 'OpenTelemetryCollector') {
      const spec = entryValue(doc, root, 'spec');
      const config = isMap(spec) ? entryValue(doc, spec, 'config') : undefined;
      if (isMap(config)) return { doc, root: config };
      if (isScalar(config) && typeof config.value === 'string') {
        return refuse(
          'The Collector config is a string in spec.config of an OpenTelemetryCollector (v1alpha1); canvas edits cannot be placed inside that string yet. Edit it in the text editor, or convert spec.config to a mapping (v1beta1).',
        );
      }
    }
    const helm = entryValue(doc, root, 'config');
    if (isCollectorMap(doc, helm)) return { doc, root: deref(doc, helm) as YAMLMap };
  }
  if (firstRoot === null || firstRoot === undefined || (isScalar(firstRoot) && firstRoot.value === null)) return { doc: first, root: null };
  if (!isMap(firstRoot)) {
    return refuse('The text is not a mapping of sections (receivers, exporters, service, ...) at the top level, so there is no place to put this edit.');
  }
  return { doc: first, root: firstRoot };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Detects the indent unit from the first block mapping nested in another one. */
function detectLayout(text: string, doc: Document): { unit: number; seqIndent: number | null; listStyle: 'flow' | 'block' | null } {
  let unit: number | null = null;
  let seqIndent: number | null = null;
  let listStyle: 'flow' | 'block' | null = null;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as { range?: number[] } | null;
      const value = pair.value;
      if (!key?.range) return;
      const keyCol = columnOf(text, key.range[0]!);
      if (unit === null && isMap(value) && !value.flow && value.items.length > 0) {
        const first = value.items[0]!.key as { range?: number[] } | null;
        if (first?.range) {
          const delta = columnOf(text, first.range[0]!) - keyCol;
          if (delta >= 1 && delta <= 8) unit = delta;
        }
      }
      if (isSeq(value) && isScalar(pair.key) && ['receivers', 'processors', 'exporters'].includes(String(pair.key.value))) {
        if (listStyle === null) listStyle = value.flow ? 'flow' : 'block';
      }
      if (seqIndent === null && isSeq(value) && !value.flow && value.items.length > 0) {
        const item = value.items[0] as { range?: number[] } | null;
        if (item?.range) {
          let p = item.range[0]!;
          while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
          if (text[p - 1] === '-') seqIndent = Math.max(0, columnOf(text, p - 1) - keyCol);
        }
      }
      if (unit !== null && seqIndent !== null && listStyle !== null) return visit.BREAK;
      return undefined;
    },
  });
  return { unit: unit ?? 2, seqIndent, listStyle };
}

/**
 * Opens the text for an edit, or refuses when there is no sound place to edit: a YAML syntax
 * error or a duplicate key (the document is not there), a root that is not a mapping, a config
 * kept in a string of a wrapper document.
 */
export function openConfig(text: string): ConfigDocument | EditRefused {
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, merge: true, prettyErrors: false }) as Document[];
  } catch (error) {
    return refuse(`The YAML does not parse (${error instanceof Error ? error.message : String(error)}); fix the text before editing on the canvas.`);
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document];
  const firstError = docs[0]?.errors[0];
  if (firstError) {
    const message = (firstError.message.split('\n')[0] ?? firstError.message).replace(/ at line \d+, column \d+:?$/, '');
    return refuse(`The YAML does not parse (line ${lineOf(text, firstError.pos[0])}: ${message}); fix the text before editing on the canvas.`);
  }
  const located = locate(docs);
  if ('ok' in located) return located;
  const { doc, root } = located;
  if (doc !== docs[0] && doc.errors[0]) return refuse('The YAML document holding the Collector config does not parse; fix the text before editing on the canvas.');
  const duplicate = findDuplicateKey(doc);
  if (duplicate) {
    return refuse(`The key "${duplicate.key}" appears twice in one mapping (line ${lineOf(text, duplicate.offset)}); the Collector rejects that, so fix it before editing on the canvas.`);
  }
  if (root?.flow) return refuse('The config is written as one flow mapping ({...}); canvas edits need block style. Edit it in the text editor.');
  const usedAnchors = new Set<string>();
  visit(doc, {
    Alias(_, node) {
      usedAnchors.add(node.source);
    },
  });
  const layout = detectLayout(text, doc);
  return {
    text,
    doc,
    root,
    eol: detectEol(text),
    unit: layout.unit,
    seqIndent: layout.seqIndent ?? layout.unit,
    listStyle: layout.listStyle ?? 'flow',
    usedAnchors,
  };
}

function findDuplicateKey(doc: Document): { key: string; offset: number } | null {
  let found: { key: string; offset: number } | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isPair(pair)) continue;
        const key = keyText(pair);
        if (key === null || key === '<<') continue;
        if (seen.has(key)) {
          found = { key, offset: (pair.key as { range?: number[] } | null)?.range?.[0] ?? 0 };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** Whether a node is shared through an anchor that some alias uses, or is itself an alias. */
export function sharedNodeReason(config: ConfigDocument, node: unknown, what: string): string | null {
  if (isAlias(node)) {
    return `${what} is an alias (*${node.source}); editing it would change the anchored node and every other alias of it. Edit the anchor &${node.source} in the text editor.`;
  }
  const anchor = (node as { anchor?: string } | null)?.anchor;
  if (anchor && config.usedAnchors.has(anchor)) {
    return `${what} is anchored as &${anchor} and reused through aliases; editing it here would change every place that uses *${anchor}. Edit it in the text editor.`;
  }
  return null;
}
