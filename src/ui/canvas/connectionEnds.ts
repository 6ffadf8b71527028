import type { Signal } from '../../core/config/componentId';
import type { ConfigModel } from '../../core/config/configModel';
import { checkConnection, type ConnectionCheck } from '../../core/config/edits/checkConnection';
import type { ConnectionEnd } from '../../core/config/edits/connectionShapeProblem';
import { connectionShapeProblem } from '../../core/config/edits/connectionShapeProblem';
import { connectorNodeKey, laneNodeKey } from '../../core/graph/buildGraph';
import type { GraphNode } from '../../core/graph/pipelineGraph';

/** A canvas node as one end of an edge the user draws. */
export function endOf(node: GraphNode): ConnectionEnd {
  return node.pipelineId ? { kind: node.kind, id: node.componentId, pipelineId: node.pipelineId } : { kind: node.kind, id: node.componentId };
}

/** The signal of the pipeline an edge lands in (see `checkConnection`). */
export function edgeSignal(model: ConfigModel, source: ConnectionEnd, target: ConnectionEnd): Signal | null {
  const pipelineId = target.kind === 'connector' ? source.pipelineId : source.kind === 'connector' ? target.pipelineId : (source.pipelineId ?? target.pipelineId);
  if (!pipelineId) return null;
  return model.pipelines.find((p) => p.id === pipelineId)?.signal ?? null;
}

/** `checkConnection` for two canvas nodes; the shape check alone when no pipeline signal is known. */
export function checkNodes(model: ConfigModel, source: GraphNode, target: GraphNode): ConnectionCheck {
  const s = endOf(source);
  const t = endOf(target);
  const signal = edgeSignal(model, s, t);
  if (signal) return checkConnection(model, s, t, signal);
  const shape = connectionShapeProblem(s, t);
  return shape ? { ok: false, reason: shape } : { ok: true };
}

/** The key `node` has once an edge to or from `other` is in the text: an unplaced component joins the other end's lane. */
export function keyAfterConnect(node: GraphNode, other: GraphNode): string {
  if (node.kind === 'connector') return connectorNodeKey(node.componentId);
  if (node.pipelineId !== null || other.pipelineId === null) return node.key;
  const role = node.kind === 'receiver' ? 'receivers' : node.kind === 'processor' ? 'processors' : 'exporters';
  return laneNodeKey(other.pipelineId, role, node.componentId);
}

/** The pipeline an edge between two canvas nodes lands in (see `edgeSignal`). */
export function edgePipeline(source: GraphNode, target: GraphNode): string | null {
  if (target.kind === 'connector') return source.pipelineId;
  if (source.kind === 'connector') return target.pipelineId;
  return source.pipelineId ?? target.pipelineId;
}
