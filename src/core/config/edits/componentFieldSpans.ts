/**
 * Where each top-level setting of a component's body is written: from its key to the end of its
 * value, as 0-based offsets into the text. The inspector uses it to show a diagnostic beside the
 * field it is about (a problem at `protocols.grpc.endpoint` sits inside `protocols`).
 */
import { isMap, type Pair } from 'yaml';
import type { ComponentKind } from '../componentId';
import { keyText } from '../yamlNodes';
import { findDefinitionNode, normalizeComponentId } from './configNodes';
import { nodeStart, pairContentEnd } from './nodeSpans';
import { openConfig } from './openConfig';

export interface FieldSpan {
  readonly from: number;
  readonly to: number;
}

/** Setting name → its span; empty when the component is not written, its body is not a mapping, or the text does not parse. */
export function componentFieldSpans(text: string, kind: ComponentKind, id: string): ReadonlyMap<string, FieldSpan> {
  const spans = new Map<string, FieldSpan>();
  const config = openConfig(text);
  if ('ok' in config) return spans;
  const definition = findDefinitionNode(config, kind, normalizeComponentId(id));
  if (typeof definition === 'string') return spans;
  const body = definition.pair.value;
  if (!isMap(body)) return spans;
  for (const item of body.items) {
    const pair = item as Pair;
    const name = keyText(pair);
    if (name === null || spans.has(name)) continue;
    spans.set(name, { from: nodeStart(pair), to: pairContentEnd(config.text, pair) });
  }
  return spans;
}
