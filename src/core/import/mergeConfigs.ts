/**
 * Several config files merged in order, as the Collector merges repeated `--config` flags
 * (config-semantics §4.1): sources merge left to right with koanf's merge — two mappings merge
 * key by key, recursively; anything else (scalar, list, **null**) from the later source replaces
 * the earlier value. So lists such as `service.pipelines.traces.receivers` are replaced, not
 * concatenated, and a later `otlp:` (null) resets that component to its defaults. Keys containing
 * `::` are split into nested keys first (`processors::batch::timeout: 2s`). An empty document is
 * an empty mapping; a document that is not a mapping is the Collector's
 * `retrieved value (type=…) cannot be used as a Conf` error.
 */
import { isAlias, isMap, isScalar, parseAllDocuments, parseDocument, stringify, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import { keyText } from '../config/yamlNodes';
import { isPlainMap, plainEqual, setOwn, type PlainMap } from './plainValues';
import { recogniseImport } from './recogniseImport';

export interface ConfigSource {
  /** Shown to the user, e.g. the file name. */
  readonly name: string;
  readonly text: string;
}

/** One place where a later file changed what the earlier ones said. */
export interface MergeChange {
  /** Key path in the Collector's notation, e.g. `service::pipelines::traces::exporters`. */
  readonly path: string;
  readonly source: string;
  /** `added`: a new key; `replaced`: a scalar, list or map replaced by a non-map; `reset`: set to null. */
  readonly action: 'added' | 'replaced' | 'reset';
}

/** Which files contributed to a component, a pipeline or another top-level entry. */
export interface MergeOrigin {
  readonly path: string;
  readonly sources: readonly string[];
}

export type MergeConfigsResult =
  | {
      readonly ok: true;
      /** The merged config as YAML: the first file's document with the later files applied, comments kept where possible. */
      readonly text: string;
      readonly merged: PlainMap;
      readonly changes: readonly MergeChange[];
      readonly origins: readonly MergeOrigin[];
      /** Sentences for the user. */
      readonly summary: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

function goType(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** Splits `a::b` keys into nested maps, as confmap does for every key it reads. */
function expandKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expandKeys);
  if (!isPlainMap(value)) return value;
  const out: PlainMap = {};
  for (const [key, item] of Object.entries(value)) {
    const parts = key.split('::');
    const expanded = expandKeys(item);
    if (parts.length === 1) {
      setOwn(out, key, mergeInto(out[key], expanded));
      continue;
    }
    let nested: unknown = expanded;
    for (const part of parts.slice(1).reverse()) {
      const wrapper: PlainMap = {};
      setOwn(wrapper, part, nested);
      nested = wrapper;
    }
    const head = parts[0] ?? '';
    setOwn(out, head, mergeInto(Object.hasOwn(out, head) ? out[head] : undefined, nested));
  }
  return out;
}

/** koanf's merge of one value over another: maps recursively, everything else replaces. */
function mergeInto(base: unknown, over: unknown, path: string[] = [], source = '', changes: MergeChange[] = []): unknown {
  if (isPlainMap(base) && isPlainMap(over)) {
    const out: PlainMap = { ...base };
    for (const [key, item] of Object.entries(over)) {
      const at = [...path, key];
      if (!Object.hasOwn(base, key)) {
        changes.push({ path: at.join('::'), source, action: 'added' });
        setOwn(out, key, item);
      } else if (isPlainMap(base[key]) && isPlainMap(item)) {
        setOwn(out, key, mergeInto(base[key], item, at, source, changes));
      } else {
        if (!plainEqual(base[key], item)) changes.push({ path: at.join('::'), source, action: item === null ? 'reset' : 'replaced' });
        setOwn(out, key, item);
      }
    }
    return out;
  }
  return over;
}

type Read = { ok: true; value: PlainMap; doc: Document | null } | { ok: false; message: string };

function readSource(source: ConfigSource): Read {
  // A ConfigMap or Operator resource contributes the config it holds, like the file it mounts.
  const recognised = recogniseImport(source.text);
  if (recognised.kind === 'helm-values') {
    return { ok: false, message: `${source.name}: these are Helm values; the chart merges them over its own defaults, so open that file on its own.` };
  }
  const wrapped = recognised.kind === 'configmap' || recognised.kind === 'operator-v1alpha1' || recognised.kind === 'operator-v1beta1';
  const text = wrapped && recognised.configText !== null ? recognised.configText : source.text;
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: false, prettyErrors: false }) as Document[];
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return { ok: true, value: {}, doc: null };
  if (doc.errors.length > 0) {
    const reason = (doc.errors[0]?.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, message: `${source.name}: retrieved value (type=string) cannot be used as a Conf: assuming string type since contents are not valid YAML: yaml: ${reason}` };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return { ok: false, message: `${source.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (value === null || value === undefined) return { ok: true, value: {}, doc: null };
  if (!isPlainMap(value)) return { ok: false, message: `${source.name}: retrieved value (type=${goType(value)}) cannot be used as a Conf` };
  return { ok: true, value: expandKeys(value) as PlainMap, doc: text === source.text ? doc : parseDocument(text) };
}

function hasTrickyNodes(doc: Document): boolean {
  let tricky = false;
  visit(doc, {
    Alias() {
      tricky = true;
      return visit.BREAK;
    },
    Pair(_, pair) {
      const key = keyText(pair);
      if (key === null || key === '<<' || key.includes('::') || (isScalar(pair.key) && typeof pair.key.value === 'symbol')) {
        tricky = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return tricky;
}

/** Applies a later file's data to the first file's document, marking what came from where. */
function applyToDocument(doc: Document, map: YAMLMap, over: PlainMap, source: string): void {
  for (const [key, item] of Object.entries(over)) {
    const pair = map.items.find((p) => keyText(p as Pair) === key) as Pair | undefined;
    if (pair && isMap(pair.value) && !isAlias(pair.value) && isPlainMap(item)) {
      applyToDocument(doc, pair.value, item, source);
      continue;
    }
    const node = doc.createNode(item);
    if (pair) {
      const before = pair.value;
      if (isScalar(before) && isScalar(node) && before.value === node.value) continue;
      pair.value = node;
      markOrigin(pair, node, item === null ? `reset by ${source}` : `from ${source}`);
    } else {
      const added = doc.createPair(key, node);
      markOrigin(added, node, `from ${source}`);
      map.items.push(added);
    }
  }
}

function markOrigin(pair: Pair, node: unknown, note: string): void {
  if (isScalar(node)) node.comment = ` ${note}`;
  else if (isScalar(pair.key)) pair.key.commentBefore = ` ${note}`;
}

function originsOf(sources: readonly { name: string; value: PlainMap }[]): MergeOrigin[] {
  const byPath = new Map<string, string[]>();
  const touch = (path: string, name: string) => {
    const list = byPath.get(path) ?? [];
    if (!list.includes(name)) list.push(name);
    byPath.set(path, list);
  };
  for (const { name, value } of sources) {
    for (const [section, body] of Object.entries(value)) {
      if (section === 'service' && isPlainMap(body)) {
        for (const [key, item] of Object.entries(body)) {
          if (key === 'pipelines' && isPlainMap(item)) for (const pipeline of Object.keys(item)) touch(`service::pipelines::${pipeline}`, name);
          else touch(`service::${key}`, name);
        }
      } else if (isPlainMap(body)) {
        for (const id of Object.keys(body)) touch(`${section}::${id}`, name);
      } else {
        touch(section, name);
      }
    }
  }
  return [...byPath.entries()].map(([path, list]) => ({ path, sources: list }));
}

function summarise(names: readonly string[], changes: readonly MergeChange[]): string[] {
  const lines = [`Merged ${names.length} file${names.length === 1 ? '' : 's'} in order (${names.join(', ')}), as the Collector merges repeated --config flags: maps merge key by key, later files win, lists and nulls replace.`];
  for (const change of changes) {
    if (change.action === 'added') lines.push(`${change.source} added ${change.path}.`);
    else if (change.action === 'reset') lines.push(`${change.source} set ${change.path} to null, which resets it (to defaults, for a component).`);
    else lines.push(`${change.source} replaced ${change.path}${/::(receivers|processors|exporters|extensions)$/.test(change.path) ? ' (lists are replaced, not concatenated)' : ''}.`);
  }
  return lines;
}

/**
 * Merges config files in order like `--config a.yaml --config b.yaml`. Returns the merged YAML
 * (the first file's document with later files applied, its comments kept and changed keys marked
 * `# from b.yaml`; a freshly written document with a header comment when the first file uses
 * anchors, merge keys or `::` keys), plus what came from where. Never throws.
 */
export function mergeConfigs(sources: readonly ConfigSource[]): MergeConfigsResult {
  if (sources.length === 0) return { ok: false, message: 'at least one config flag must be provided' };
  const read: { name: string; value: PlainMap; doc: Document | null }[] = [];
  for (const source of sources) {
    const r = readSource(source);
    if (!r.ok) return r;
    read.push({ name: source.name, value: r.value, doc: r.doc });
  }
  const changes: MergeChange[] = [];
  let merged: PlainMap = read[0]?.value ?? {};
  for (const { name, value } of read.slice(1)) merged = mergeInto(merged, value, [], name, changes) as PlainMap;

  const names = read.map((r) => r.name);
  const header = ` Merged from ${names.join(', ')} in this order (like --config for each):\n maps merge key by key; later files win; lists and nulls replace.`;
  let text: string | null = null;
  const firstDoc = read[0]?.doc;
  // One file needs no merging: its own text (the config inside a wrapper) is the result.
  const single = sources.length === 1 ? recogniseImport(sources[0]?.text ?? '') : null;
  if (single) text = single.kind === 'collector-config' ? (sources[0]?.text ?? '') : single.configText;
  if (text === null && firstDoc && isMap(firstDoc.contents) && !hasTrickyNodes(firstDoc)) {
    try {
      const doc = firstDoc.clone();
      for (const { name, value } of read.slice(1)) applyToDocument(doc, doc.contents as YAMLMap, value, name);
      if (read.length > 1) doc.commentBefore = doc.commentBefore ? `${header}\n\n${doc.commentBefore}` : header;
      const candidate = doc.toString();
      // Self-check: the commented document must say exactly what the merge computed.
      if (plainEqual(parseDocument(candidate, { merge: true }).toJS({ maxAliasCount: 1000 }) ?? {}, merged)) text = candidate;
    } catch {
      text = null; // fall back to a fresh document below
    }
  }
  if (text === null) {
    const body = Object.keys(merged).length === 0 ? '{}\n' : stringify(merged);
    text = `${header.split('\n').map((line) => `#${line}`).join('\n')}\n${body}`;
  }
  return { ok: true, text, merged, changes, origins: originsOf(read), summary: summarise(names, changes) };
}
