import { findComponent } from '../../catalog/catalog';
import { typeOf, type ComponentId, type PipelineId, type Signal } from '../componentId';
import type { ConfigModel } from '../configModel';
import { findCycles, type ConnectorUse } from '../../graph/findCycles';
import { normalizeComponentId, pipelineKey } from './idKeys';
import { connectionShapeProblem, type ConnectionEnd } from './connectionShapeProblem';

export type ConnectionCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function pairsText(pairs: readonly string[]): string {
  return pairs.map((p) => p.replace('_to_', ' → ')).join(', ');
}

function signalProblem(end: ConnectionEnd, signal: Signal): string | null {
  if (end.kind === 'connector' || end.kind === 'extension') return null;
  const type = typeOf(normalizeComponentId(end.id) as ComponentId);
  const entry = findComponent(end.kind, type)?.entry;
  // Unknown types are the validator's business (unknown-type), not a reason to block drawing.
  if (!entry || entry.signals.length === 0 || entry.signals.includes(signal)) return null;
  return `The ${type} ${end.kind} does not support ${signal}; it supports ${entry.signals.join(', ')}.`;
}

function pipelineSignals(model: ConfigModel, connector: string, role: 'receivers' | 'exporters'): Signal[] {
  const signals = new Set<Signal>();
  for (const p of model.pipelines) if (p.signal && p[role].some((r) => r.id === connector)) signals.add(p.signal);
  return [...signals];
}

function connectorProblem(model: ConfigModel, end: ConnectionEnd, signal: Signal, side: 'in' | 'out'): string | null {
  const id = normalizeComponentId(end.id);
  const type = typeOf(id as ComponentId);
  const pairs = findComponent('connector', type)?.entry.signalPairs ?? [];
  if (pairs.length === 0) return null;
  const split = pairs.map((p) => p.split('_to_') as [string, string]);
  if (side === 'in') {
    // The connector becomes an exporter of a `signal` pipeline; its outputs are the pipelines it already feeds.
    if (!split.some(([from]) => from === signal)) return `The ${type} connector does not accept ${signal}; it connects ${pairsText(pairs)}.`;
    const outs = pipelineSignals(model, id, 'receivers');
    if (outs.length > 0 && !split.some(([from, to]) => from === signal && outs.includes(to as Signal))) {
      return `The ${type} connector can't turn ${signal} into ${outs.join(' or ')} (the pipelines it feeds); it connects ${pairsText(pairs)}.`;
    }
    return null;
  }
  if (!split.some(([, to]) => to === signal)) return `The ${type} connector does not produce ${signal}; it connects ${pairsText(pairs)}.`;
  const ins = pipelineSignals(model, id, 'exporters');
  if (ins.length > 0 && !split.some(([from, to]) => to === signal && ins.includes(from as Signal))) {
    return `The ${type} connector can't turn ${ins.join(' or ')} (the pipelines that feed it) into ${signal}; it connects ${pairsText(pairs)}.`;
  }
  return null;
}

/** Whether adding the connector to a pipeline's list would close a connector cycle (config-semantics §7.2). */
function cycleProblem(model: ConfigModel, connector: string, pipeline: string, role: 'receivers' | 'exporters'): string | null {
  const connectors = new Set<string>(model.components.filter((c) => c.kind === 'connector').map((c) => c.id));
  connectors.add(connector);
  const lists = new Map<string, { receivers: string[]; exporters: string[] }>();
  for (const p of model.pipelines) {
    lists.set(pipelineKey(p.id), { receivers: p.receivers.flatMap((r) => (r.id ? [r.id] : [])), exporters: p.exporters.flatMap((r) => (r.id ? [r.id] : [])) });
  }
  const target = lists.get(pipelineKey(pipeline)) ?? { receivers: [], exporters: [] };
  lists.set(pipelineKey(pipeline), target);
  if (!target[role].includes(connector)) target[role].push(connector);
  const uses: ConnectorUse[] = [...connectors].map((c) => ({
    connector: c as ComponentId,
    exporterOf: [...lists].flatMap(([id, l]) => (l.exporters.includes(c) ? [id as PipelineId] : [])),
    receiverOf: [...lists].flatMap(([id, l]) => (l.receivers.includes(c) ? [id as PipelineId] : [])),
  }));
  const cycles = findCycles(uses, (p) => (lists.get(p)?.exporters ?? []) as ComponentId[]);
  const cycle = cycles.find((path) => path.includes(connector as ComponentId));
  if (!cycle) return null;
  return `This edge would close a loop through connectors (${cycle.join(' → ')}); data would circulate forever, and the Collector refuses to start with a cycle.`;
}

/**
 * Whether an edge may be drawn, with the reason shown while the user drags. `pipelineSignal` is
 * the signal of the pipeline the edge lands in: the source's pipeline for an edge into a connector,
 * the target's for an edge out of one, the shared lane otherwise. Refuses: joining a node to
 * itself and the shapes `connectionShapeProblem` names; a receiver/processor/exporter whose
 * registry signals lack the pipeline's signal ("The prometheus exporter does not support traces;
 * it supports metrics."); a connector side with no matching signal pair (`signalPairs`), also
 * against the pipelines the connector already feeds or is fed by; an edge that closes a connector
 * cycle (`findCycles` on the model with the edge added).
 */
export function checkConnection(model: ConfigModel, source: ConnectionEnd, target: ConnectionEnd, pipelineSignal: Signal): ConnectionCheck {
  const shape = connectionShapeProblem(source, target);
  if (shape) return { ok: false, reason: shape };
  for (const end of [source, target]) {
    const problem = signalProblem(end, pipelineSignal);
    if (problem) return { ok: false, reason: problem };
  }
  if (target.kind === 'connector') {
    const problem = connectorProblem(model, target, pipelineSignal, 'in') ?? cycleProblem(model, normalizeComponentId(target.id), source.pipelineId!, 'exporters');
    if (problem) return { ok: false, reason: problem };
  }
  if (source.kind === 'connector') {
    const problem = connectorProblem(model, source, pipelineSignal, 'out') ?? cycleProblem(model, normalizeComponentId(source.id), target.pipelineId!, 'receivers');
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true };
}
