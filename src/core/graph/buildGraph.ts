import type { ComponentId, ComponentKind, PipelineId, Signal } from '../config/componentId';
import { typeOf } from '../config/componentId';
import type { ComponentDefinition, ComponentReference, ConfigModel, PipelineDefinition, PipelineRole } from '../config/configModel';
import { findCycles, type ConnectorUse } from './findCycles';
import type { GraphEdge, GraphNode, PipelineGraph, Swimlane } from './pipelineGraph';

export function laneNodeKey(pipelineId: string, role: PipelineRole, componentId: string, occurrence = 0): string {
  return `lane:${pipelineId}:${role}:${componentId}${occurrence > 0 ? `#${occurrence + 1}` : ''}`;
}

export function connectorNodeKey(componentId: string): string {
  return `connector:${componentId}`;
}

export function extensionNodeKey(componentId: string): string {
  return `extension:${componentId}`;
}

/** Every string inside a component's config, for finding extension references (`authenticator: oauth2client`). */
function collectStrings(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 32) return;
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out, depth + 1);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, out, depth + 1);
}

/**
 * Derives the canvas graph from a config model. Pure and deterministic: the same model gives the
 * same keys, so positions cached by key survive value edits.
 */
export function buildGraph(model: ConfigModel): PipelineGraph {
  const definitions = new Map<string, ComponentDefinition>();
  for (const def of model.components) definitions.set(`${def.kind}:${def.id}`, def);
  const connectorIds = new Set(model.components.filter((c) => c.kind === 'connector').map((c) => c.id as string));

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const lanes: Swimlane[] = [];
  const connectorUses = new Map<ComponentId, { exporterOf: PipelineId[]; receiverOf: PipelineId[]; signals: Set<Signal> }>();

  const useConnector = (id: ComponentId, side: 'exporterOf' | 'receiverOf', pipeline: PipelineDefinition) => {
    let use = connectorUses.get(id);
    if (!use) connectorUses.set(id, (use = { exporterOf: [], receiverOf: [], signals: new Set() }));
    if (!use[side].includes(pipeline.id)) use[side].push(pipeline.id);
    if (pipeline.signal) use.signals.add(pipeline.signal);
  };

  const laneNode = (pipeline: PipelineDefinition, role: PipelineRole, id: ComponentId, index: number, occurrence: number): GraphNode => {
    const kind: ComponentKind = role === 'receivers' ? 'receiver' : role === 'processors' ? 'processor' : 'exporter';
    const def = definitions.get(`${kind}:${id}`);
    return {
      key: laneNodeKey(pipeline.id, role, id, occurrence),
      componentId: id,
      kind,
      type: def?.type ?? typeOf(id),
      pipelineId: pipeline.id,
      role,
      index,
      defined: def !== undefined,
      inCycle: false,
      range: def?.range ?? null,
      signals: pipeline.signal ? [pipeline.signal] : [],
    };
  };

  for (const pipeline of model.pipelines) {
    const laneKeys: string[] = [];
    const heads: string[] = []; // what feeds the first processor: receivers and connector outputs
    const tails: string[] = []; // what the last processor feeds: exporters and connector inputs
    const seen = new Map<string, number>();
    const occurrence = (role: PipelineRole, id: string) => {
      const k = `${role}:${id}`;
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      return n;
    };

    // An id that does not parse is still drawn under the text written, so the user sees where
    // it sits; validation reports why it is wrong.
    const idOf = (ref: ComponentReference) => ref.id ?? (ref.raw as ComponentId);
    for (const ref of pipeline.receivers) {
      const id = idOf(ref);
      if (connectorIds.has(id)) {
        useConnector(id, 'receiverOf', pipeline);
        heads.push(connectorNodeKey(id));
        continue;
      }
      const n = occurrence('receivers', id);
      if (n > 0) continue; // repeated receivers are de-duplicated by the Collector (case c18)
      const node = laneNode(pipeline, 'receivers', id, ref.index, n);
      nodes.push(node);
      laneKeys.push(node.key);
      heads.push(node.key);
    }
    const processorKeys: string[] = [];
    for (const ref of pipeline.processors) {
      const id = idOf(ref);
      const node = laneNode(pipeline, 'processors', id, ref.index, occurrence('processors', id));
      nodes.push(node);
      laneKeys.push(node.key);
      processorKeys.push(node.key);
    }
    for (const ref of pipeline.exporters) {
      const id = idOf(ref);
      if (connectorIds.has(id)) {
        useConnector(id, 'exporterOf', pipeline);
        tails.push(connectorNodeKey(id));
        continue;
      }
      const n = occurrence('exporters', id);
      if (n > 0) continue;
      const node = laneNode(pipeline, 'exporters', id, ref.index, n);
      nodes.push(node);
      laneKeys.push(node.key);
      tails.push(node.key);
    }

    const flow = (source: string, target: string) =>
      edges.push({ key: `${pipeline.id}:${source}->${target}`, source, target, kind: 'flow', pipelineId: pipeline.id, signal: pipeline.signal, inCycle: false });
    if (processorKeys.length === 0) {
      for (const head of heads) for (const tail of tails) flow(head, tail);
    } else {
      for (const head of heads) flow(head, processorKeys[0]!);
      for (let i = 1; i < processorKeys.length; i++) flow(processorKeys[i - 1]!, processorKeys[i]!);
      for (const tail of tails) flow(processorKeys[processorKeys.length - 1]!, tail);
    }
    lanes.push({ pipelineId: pipeline.id, signal: pipeline.signal, nodeKeys: laneKeys, range: pipeline.range });
  }

  const uses: ConnectorUse[] = [...connectorUses].map(([connector, use]) => ({ connector, exporterOf: use.exporterOf, receiverOf: use.receiverOf }));
  const pipelinesById = new Map(model.pipelines.map((p) => [p.id as string, p]));
  const cycles = findCycles(uses, (id) => (pipelinesById.get(id)?.exporters ?? []).map((r) => r.id).filter((x): x is ComponentId => x !== null));
  const cyclic = new Set(cycles.flat());

  for (const [id, use] of connectorUses) {
    const def = definitions.get(`connector:${id}`);
    nodes.push({
      key: connectorNodeKey(id),
      componentId: id,
      kind: 'connector',
      type: def?.type ?? typeOf(id),
      pipelineId: null,
      role: null,
      index: 0,
      defined: def !== undefined,
      inCycle: cyclic.has(id),
      range: def?.range ?? null,
      signals: [...use.signals],
    });
  }
  if (cyclic.size > 0) {
    const cyclicKeys = new Set([...cyclic].map(connectorNodeKey));
    // A lane is on a cycle when a cyclic connector feeds it and it feeds a cyclic connector; the
    // edges on the loop are those from that connector through the processors to the next one.
    const receives = new Set(uses.filter((u) => cyclic.has(u.connector)).flatMap((u) => u.receiverOf));
    const exports = new Set(uses.filter((u) => cyclic.has(u.connector)).flatMap((u) => u.exporterOf));
    const processorKeys = new Set(nodes.filter((n) => n.role === 'processors').map((n) => n.key));
    for (let i = 0; i < edges.length; i++) {
      const edge = edges[i]!;
      if (edge.pipelineId === null || !receives.has(edge.pipelineId) || !exports.has(edge.pipelineId)) continue;
      const fromLoop = cyclicKeys.has(edge.source) || processorKeys.has(edge.source);
      const toLoop = cyclicKeys.has(edge.target) || processorKeys.has(edge.target);
      if (fromLoop && toLoop) edges[i] = { ...edge, inCycle: true };
    }
  }

  // Extensions: every defined extension, linked to the components whose config names it.
  const extensions = model.components.filter((c) => c.kind === 'extension');
  if (extensions.length > 0) {
    const extensionIds = new Set(extensions.map((e) => e.id as string));
    for (const ext of extensions) {
      nodes.push({
        key: extensionNodeKey(ext.id),
        componentId: ext.id,
        kind: 'extension',
        type: ext.type,
        pipelineId: null,
        role: null,
        index: 0,
        defined: true,
        inCycle: false,
        range: ext.range,
        signals: [],
      });
    }
    const nodesByComponent = new Map<string, GraphNode[]>();
    for (const node of nodes) {
      if (node.kind === 'extension') continue;
      const k = `${node.kind}:${node.componentId}`;
      const list = nodesByComponent.get(k) ?? [];
      list.push(node);
      nodesByComponent.set(k, list);
    }
    for (const def of model.components) {
      if (def.kind === 'extension') continue;
      const strings = new Set<string>();
      collectStrings(def.config, strings);
      for (const s of strings) {
        if (!extensionIds.has(s)) continue;
        for (const node of nodesByComponent.get(`${def.kind}:${def.id}`) ?? []) {
          edges.push({ key: `ext:${s}->${node.key}`, source: extensionNodeKey(s), target: node.key, kind: 'extension', pipelineId: null, signal: null, inCycle: false });
        }
      }
    }
  }

  return { nodes, edges, lanes, cycles };
}
