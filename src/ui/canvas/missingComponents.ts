import { parseComponentId, type ComponentKind } from '../../core/config/componentId';
import type { PipelineGraph } from '../../core/graph/pipelineGraph';

/** The undefined components the graph references, once each, in the order they first appear; invalid ids are left to the validator. */
export function missingComponents(graph: PipelineGraph): { kind: ComponentKind; id: string }[] {
  const seen = new Set<string>();
  const out: { kind: ComponentKind; id: string }[] = [];
  for (const n of graph.nodes) {
    const key = `${n.kind}:${n.componentId}`;
    if (n.defined || seen.has(key) || !parseComponentId(n.componentId).ok) continue;
    seen.add(key);
    out.push({ kind: n.kind, id: n.componentId });
  }
  return out;
}
