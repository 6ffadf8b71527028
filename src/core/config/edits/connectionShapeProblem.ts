/**
 * The part of an edge check that needs neither the text nor the registry: which kinds of node can
 * be joined at all. Shared by `connect` (which edits) and `checkConnection` (which the canvas asks
 * while the user drags).
 */
import type { ComponentKind } from '../componentId';
import { normalizeComponentId, pipelineKey } from './idKeys';

/** One end of an edge drawn on the canvas: a component, and the pipeline lane it sits in (if any). */
export interface ConnectionEnd {
  readonly kind: ComponentKind;
  readonly id: string;
  /** The lane the node belongs to; absent for a component not yet in any pipeline. */
  readonly pipelineId?: string;
}

/** Why these two ends can never be joined, or null. */
export function connectionShapeProblem(source: ConnectionEnd, target: ConnectionEnd): string | null {
  if (source.kind === target.kind && normalizeComponentId(source.id) === normalizeComponentId(target.id)) {
    return `A component can't be connected to itself.`;
  }
  if (source.kind === 'extension' || target.kind === 'extension') {
    return 'Extensions are not part of pipelines; enable them under service.extensions instead.';
  }
  if (source.kind === 'connector' && target.kind === 'connector') {
    return 'Two connectors can\'t be joined directly; put a pipeline between them (the first as its receiver, the second as its exporter).';
  }
  if (target.kind === 'receiver') return 'Data can\'t flow into a receiver: receivers are where a pipeline starts.';
  if (source.kind === 'exporter') {
    return 'Data can\'t flow out of an exporter: exporters are where a pipeline ends. To pass data to another pipeline, use a connector.';
  }
  if (target.kind === 'connector' && source.pipelineId === undefined) return `Draw the edge into the ${target.id} connector from a component inside a pipeline.`;
  if (source.kind === 'connector' && target.pipelineId === undefined) return `Draw the edge from the ${source.id} connector to a component inside a pipeline.`;
  if (source.kind !== 'connector' && target.kind !== 'connector') {
    if (source.pipelineId === undefined && target.pipelineId === undefined) return 'Draw the edge inside a pipeline lane: at least one end must already be in a pipeline.';
    if (source.pipelineId !== undefined && target.pipelineId !== undefined && pipelineKey(source.pipelineId) !== pipelineKey(target.pipelineId)) {
      return `Pipelines ${source.pipelineId} and ${target.pipelineId} can only be joined through a connector (e.g. forward).`;
    }
  }
  return null;
}
