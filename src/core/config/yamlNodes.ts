/**
 * Small helpers over the `yaml` v2 node tree that read it the way the Collector's YAML decoder
 * (go.yaml.in/yaml/v3) does: keys are strings as written (`123` and `true` stay text), aliases
 * resolve to their anchors, and `<<` merge keys add the keys not set explicitly
 * (config-semantics §4.4).
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** Resolves an alias to its anchored node (once; anchors cannot be aliases). */
export function deref(doc: Document, node: unknown): unknown {
  if (isAlias(node)) return node.resolve(doc) ?? null;
  return node;
}

/** The key of a pair as the text the user wrote, or null when the key is not a scalar. */
export function keyText(pair: Pair): string | null {
  const key = pair.key;
  if (key === null || key === undefined) return '';
  if (isScalar(key)) {
    if (typeof key.value === 'symbol') return '<<';
    if (typeof key.source === 'string') return key.source;
    return key.value === null ? '' : String(key.value);
  }
  return null;
}

/** Whether the pair is a `<<` merge key. */
export function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && typeof pair.key.value === 'symbol';
}

export interface MapEntry {
  readonly key: string;
  readonly pair: Pair;
  /** True when the entry came from a `<<` merge rather than being written in this map. */
  readonly merged: boolean;
}

/**
 * The entries of a mapping in order, merge keys expanded (explicit keys win, earlier merge
 * sources win over later ones, as in YAML 1.1 merge semantics).
 */
export function mapEntries(doc: Document, map: YAMLMap, depth = 0): MapEntry[] {
  const own: MapEntry[] = [];
  const merged: MapEntry[] = [];
  for (const pair of map.items) {
    if (isMergePair(pair) && depth < 16) {
      const value = deref(doc, pair.value);
      const sources = isSeq(value) ? value.items.map((i) => deref(doc, i)) : [value];
      for (const source of sources) {
        if (isMap(source)) for (const entry of mapEntries(doc, source, depth + 1)) merged.push({ ...entry, merged: true });
      }
      continue;
    }
    const key = keyText(pair);
    if (key !== null) own.push({ key, pair, merged: false });
  }
  if (merged.length === 0) return own;
  const seen = new Set(own.map((e) => e.key));
  const result = [...own];
  for (const entry of merged) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    result.push(entry);
  }
  return result;
}

/** A node's plain-data value, aliases resolved, with a cap on alias expansion (billion laughs). */
export function toPlain(doc: Document, node: unknown): unknown {
  const target = deref(doc, node);
  if (target === null || target === undefined) return null;
  if (isScalar(target)) return target.value;
  return (target as Node).toJS(doc, { maxAliasCount: 1000 });
}

/** A short name for the YAML shape of a node, used in messages ("a list", "a string"). */
export function describeShape(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'number') return 'a number';
    if (typeof v === 'boolean') return 'a boolean';
    return 'a string';
  }
  return 'an unsupported node';
}
