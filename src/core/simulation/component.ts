/**
 * The contract every simulated traces component follows, mirroring the Collector's
 * `consumer.Traces` (receiver -> processors -> exporters) with time passed in, never read
 * (style.md #10, engine-design "Time in the simulation").
 *
 * `nowMs` is the simulated arrival clock in milliseconds (float allowed) on the data's own
 * timeline; a component that buffers (batch, groupbytrace, tail_sampling) releases data from
 * `consume` or later from `advance` when its timers fire, and everything left from `flush` at the
 * end of a run.
 */
import type { TracesData } from '../telemetry/pdata';

/** Data leaving a component. `port` names a routing target (routing connector: a pipeline id). */
export interface Emission {
  readonly data: TracesData;
  readonly port?: string;
  /** Simulated time the data left, when later than the call's `nowMs` (timer-driven release). */
  readonly atMs?: number;
  /**
   * What released buffered data (batch: `size` | `timeout`; groupbytrace: `wait_duration`;
   * `flush` = end of input). Absent for components that forward synchronously.
   */
  readonly trigger?: string;
}

/** A structured, per-call problem (the Collector would log it or return it as an error). */
export interface ComponentIssue {
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

export interface ConsumeResult {
  readonly emitted: readonly Emission[];
  /** Set when the Collector's ConsumeTraces would return an error (data not forwarded). */
  readonly error?: string;
  readonly issues?: readonly ComponentIssue[];
}

export interface TracesComponent {
  /** Component id as written in the config, e.g. `tail_sampling/errors`. */
  readonly id: string;
  consume(data: TracesData, nowMs: number): ConsumeResult;
  /** Advance the simulated clock; fire timers due at or before `nowMs`. */
  advance(nowMs: number): ConsumeResult;
  /** End of input: release whatever is buffered. */
  flush(nowMs: number): ConsumeResult;
}

/** A config the component rejects at start-up (the Collector's `Validate()` or factory error). */
export class ComponentConfigError extends Error {
  constructor(
    readonly componentId: string,
    message: string,
  ) {
    super(message);
    this.name = 'ComponentConfigError';
  }
}

/** One policy's verdict on one trace, with the value it judged (sampling-spec §2.4). */
export interface PolicyVerdict {
  readonly policy: string;
  readonly verdict: 'Sampled' | 'NotSampled' | 'Dropped' | 'Error' | 'InvertSampled' | 'InvertNotSampled';
  /** Human-readable reason, e.g. "latency 130 ms <= threshold 1000 ms". */
  readonly detail: string;
}

/** The tail sampler's decision on one trace, as the results and the trace view show it. */
export interface TraceDecisionRecord {
  readonly traceId: string;
  readonly decision: 'sampled' | 'not_sampled' | 'dropped';
  /** Simulated time of the decision tick; NaN when the trace was evicted undecided. */
  readonly decidedAtMs: number;
  readonly policies: readonly PolicyVerdict[];
  /** Spans that arrived after the decision and followed the cached decision. */
  readonly lateSpans: number;
  /** True when `num_traces` was full and the trace was dropped before any decision. */
  readonly evicted: boolean;
}
