/**
 * What a preview run reports: plain data, small enough to cross the worker boundary as one
 * message (per-trace rows are summaries; the spans themselves stay in the worker).
 */
import type { PolicyVerdict, TraceDecisionRecord } from './component';

/** Counts for one canvas node (a component in one lane, a connector, an exporter in a lane). */
export interface NodeStats {
  /** The graph node key (`lane:<pipeline>:<role>:<id>`, `connector:<id>`). */
  readonly key: string;
  readonly componentId: string;
  readonly kind: string;
  readonly pipelineId: string | null;
  spansIn: number;
  spansOut: number;
  tracesIn: number;
  tracesOut: number;
  /** Metric data points produced (trace→metrics connectors) or received (metrics exporters). */
  metricPoints: number;
  /** False when the engine does not model the component: data passes through unchanged. */
  readonly simulated: boolean;
  readonly notes: string[];
  readonly errors: string[];
}

/** Counts along one canvas edge (keys match `PipelineGraph` edge keys). */
export interface EdgeStats {
  readonly key: string;
  spans: number;
  traces: number;
  metricPoints: number;
}

export type FinalDecision = 'sampled' | 'not_sampled' | 'dropped';

/** One input trace and what became of it. */
export interface TraceOutcome {
  readonly traceId: string;
  readonly decision: FinalDecision;
  /** Who decided: a tail sampler's id, or the component where the trace's spans stopped. */
  readonly decidedBy: string | null;
  readonly policies: readonly PolicyVerdict[];
  readonly rootService: string;
  readonly rootName: string;
  readonly spanCount: number;
  readonly durationMs: number;
  readonly hasError: boolean;
  readonly exportedSpans: number;
  readonly lateSpans: number;
  readonly evicted: boolean;
}

export interface PolicySummary {
  readonly samplerId: string;
  readonly policy: string;
  /** Traces for which this policy's verdict was Sampled. */
  matched: number;
  /** Traces kept only because of this policy (no other policy sampled them). */
  decidedAlone: number;
}

export interface SimulationSummary {
  readonly inputSpans: number;
  readonly inputTraces: number;
  readonly exportedSpans: number;
  readonly exportedTraces: number;
  readonly sampledTraces: number;
  readonly notSampledTraces: number;
  readonly droppedTraces: number;
  readonly metricPoints: number;
  readonly lateSpans: number;
  readonly evictedTraces: number;
  /** Components the engine passes data through without modelling them. */
  readonly notSimulated: readonly string[];
}

export interface ExporterOutput {
  readonly exporterId: string;
  spans: number;
  traces: number;
  metricPoints: number;
}

export interface SimulationResult {
  readonly summary: SimulationSummary;
  readonly nodes: readonly NodeStats[];
  readonly edges: readonly EdgeStats[];
  readonly exporters: readonly ExporterOutput[];
  readonly policies: readonly PolicySummary[];
  readonly traces: readonly TraceOutcome[];
  /** Messages from components (info/warnings) and start-up errors, with the component id. */
  readonly issues: readonly { componentId: string; severity: 'error' | 'warning' | 'info'; message: string }[];
  readonly debugOutput: readonly { exporterId: string; text: string }[];
  readonly decisionRecords: readonly TraceDecisionRecord[];
}
