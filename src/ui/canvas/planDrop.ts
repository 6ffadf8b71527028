/**
 * Pure mapping from "a palette item was dropped here" to the intents that carry it out: which id
 * the new component gets, and whether it also joins the pipeline whose lane it landed on.
 */
import type { ComponentKind, Signal } from '../../core/config/componentId';
import type { PipelineRole } from '../../core/config/configModel';

export interface DropLane {
  readonly pipelineId: string;
  readonly signal: Signal | null;
  /** Left edges (flow x) of the lane's processors, in list order. */
  readonly processorXs: readonly number[];
}

export interface DropRequest {
  readonly kind: ComponentKind;
  readonly type: string;
  /** Signals the component supports (empty: unknown, do not block). */
  readonly signals: readonly Signal[];
  /** Ids already defined for this kind. */
  readonly definedIds: readonly string[];
  readonly lane: DropLane | null;
  /** Flow x of the drop point; places a processor among the lane's processors. */
  readonly x?: number;
}

export interface DropPlan {
  readonly kind: ComponentKind;
  readonly id: string;
  readonly join: { readonly pipelineId: string; readonly role: PipelineRole; readonly index?: number } | null;
  /** What the user is told after the drop. */
  readonly message: string;
}

const ROLE: Partial<Record<ComponentKind, PipelineRole>> = { receiver: 'receivers', processor: 'processors', exporter: 'exporters' };

/** The type itself when free, else `type/2`, `type/3`, … */
export function newComponentId(type: string, definedIds: readonly string[]): string {
  const taken = new Set(definedIds);
  if (!taken.has(type)) return type;
  for (let n = 2; ; n++) if (!taken.has(`${type}/${n}`)) return `${type}/${n}`;
}

/** Where among the processors a drop at flow x lands: before the first processor whose centre is right of x. */
export function processorIndexAt(processorXs: readonly number[], x: number, nodeWidth: number): number {
  let index = 0;
  for (const left of processorXs) if (left + nodeWidth / 2 < x) index++;
  return index;
}

export function planDrop(request: DropRequest, nodeWidth = 184): DropPlan {
  const { kind, type, lane } = request;
  const id = newComponentId(type, request.definedIds);
  const role = ROLE[kind];
  if (!lane) return { kind, id, join: null, message: `Defined ${kind} ${id}; it is not in any pipeline yet (drop it on a lane, or connect it).` };
  if (!role) {
    const hint = kind === 'extension' ? 'enable it under service.extensions' : 'connect it to a lane to use it';
    return { kind, id, join: null, message: `Defined ${kind} ${id}; ${kind}s are not placed in a lane — ${hint}.` };
  }
  if (lane.signal && request.signals.length > 0 && !request.signals.includes(lane.signal)) {
    return {
      kind,
      id,
      join: null,
      message: `Defined ${kind} ${id} but did not add it to ${lane.pipelineId}. The ${type} ${kind} does not support ${lane.signal}; it supports ${request.signals.join(', ')}.`,
    };
  }
  const index = role === 'processors' && request.x !== undefined ? processorIndexAt(lane.processorXs, request.x, nodeWidth) : undefined;
  const join = index !== undefined && index < lane.processorXs.length ? { pipelineId: lane.pipelineId, role, index } : { pipelineId: lane.pipelineId, role };
  return { kind, id, join, message: `Added ${kind} ${id} to pipeline ${lane.pipelineId}.` };
}

