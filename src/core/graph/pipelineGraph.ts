/**
 * The graph drawn on the canvas, derived from a `ConfigModel` (style.md #3: derive, don't store).
 *
 * One swimlane per pipeline: receivers → processors in list order → exporters. A component used
 * in several pipelines appears once per lane (it is built once per signal by the Collector, but
 * users read each pipeline on its own). Connectors are drawn once, outside the lanes, joining the
 * pipelines where they are exporters to those where they are receivers. Extensions sit in their
 * own strip, linked to the components that reference them.
 */
import type { SourceRange } from '../diagnostics/diagnostic';
import type { ComponentId, ComponentKind, PipelineId, Signal } from '../config/componentId';
import type { PipelineRole } from '../config/configModel';

export interface GraphNode {
  /** Unique and stable across edits: `lane:<pipeline>:<role>:<component>`, `connector:<id>`, `extension:<id>`. */
  readonly key: string;
  readonly componentId: ComponentId;
  readonly kind: ComponentKind;
  readonly type: string;
  /** The lane this node sits in; null for connectors and extensions. */
  readonly pipelineId: PipelineId | null;
  readonly role: PipelineRole | null;
  /** Position in the pipeline's list (processors: order of execution). */
  readonly index: number;
  /** False when the pipeline references an id with no definition. */
  readonly defined: boolean;
  /** Connectors on a connector cycle (config-semantics §7.2). */
  readonly inCycle: boolean;
  /** Definition range in the text (the key and body), for click → editor. */
  readonly range: SourceRange | null;
  /** Signals flowing through the node (lane nodes: the lane's; connectors: both sides). */
  readonly signals: readonly Signal[];
}

export interface GraphEdge {
  readonly key: string;
  readonly source: string;
  readonly target: string;
  /** `flow`: data moves along it; `extension`: a component uses an extension. */
  readonly kind: 'flow' | 'extension';
  readonly pipelineId: PipelineId | null;
  readonly signal: Signal | null;
  readonly inCycle: boolean;
}

export interface Swimlane {
  readonly pipelineId: PipelineId;
  readonly signal: Signal | null;
  readonly nodeKeys: readonly string[];
  readonly range: SourceRange;
}

export interface PipelineGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly lanes: readonly Swimlane[];
  /** Each cycle as the connector ids along it, starting at a connector. */
  readonly cycles: readonly (readonly ComponentId[])[];
}

/** Signal colours shared by the canvas and the legend. */
export const SIGNAL_COLORS: Record<Signal, string> = {
  traces: '#4f7cff',
  metrics: '#1fa67a',
  logs: '#d9822b',
  profiles: '#a05bd5',
};
