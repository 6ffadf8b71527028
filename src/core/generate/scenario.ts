/**
 * Settings of the synthetic trace generator: services, their call graph, rates, errors and
 * latency (engine-design.md "Time in the simulation": generated data has a rate, traces per
 * second, so `num_traces` capacity is exercised).
 */

export type OperationKind = 'server' | 'client' | 'internal' | 'producer' | 'consumer';

/** Self time of an operation: log-normal around `medianMs`, plus a rare slow tail. */
export interface LatencySpec {
  readonly medianMs: number;
  /** Log-normal shape (σ of ln latency); 0.3–0.8 is typical. */
  readonly sigma: number;
  /** Probability of a tail sample. */
  readonly tailProbability: number;
  /** A tail sample is multiplied by this × (1 + Exp(1)). */
  readonly tailMultiplier: number;
}

/** One downstream call made by an operation. */
export interface CallSpec {
  readonly service: string;
  readonly operation: string;
  /** Probability the call happens at all (default 1). */
  readonly probability?: number;
  /** How many times (default 1). */
  readonly repeat?: number;
  /** Calls marked parallel start together with the previous parallel group (fan-out). */
  readonly parallel?: boolean;
}

export interface OperationSpec {
  /** Span name. */
  readonly name: string;
  /** The span kind on the callee side: `server` (HTTP/RPC), `consumer` (messaging) or `internal`. */
  readonly kind: OperationKind;
  readonly latency: LatencySpec;
  /** HTTP server operation: method and route. */
  readonly http?: { readonly method: string; readonly route: string };
  /** Database operation (a client span on the caller, the database itself not instrumented). */
  readonly db?: { readonly system: string; readonly namespace: string; readonly query: string };
  /** Messaging destination (producer span on the caller, consumer span here). */
  readonly messaging?: { readonly system: string; readonly destination: string };
  readonly calls?: readonly CallSpec[];
  /** Error rate of this operation on its own (default: its service's). */
  readonly errorRate?: number;
  /** Exception type and message recorded when it fails. */
  readonly error?: { readonly type: string; readonly message: string };
}

export interface ServiceSpec {
  readonly name: string;
  readonly version: string;
  /** Instances (pods); each is one resource with its own host.name / k8s.pod.name. */
  readonly instances: number;
  /** False for peers that emit no spans (databases, external APIs): only client spans call them. */
  readonly instrumented: boolean;
  readonly language: string;
  readonly errorRate: number;
  readonly operations: readonly OperationSpec[];
}

export interface EntryPoint {
  readonly service: string;
  readonly operation: string;
  readonly weight: number;
}

export interface ScenarioSettings {
  readonly services: readonly ServiceSpec[];
  readonly entryPoints: readonly EntryPoint[];
  readonly tracesPerSecond: number;
  /** Traces to generate; when absent, `durationSeconds × tracesPerSecond`. */
  readonly traceCount?: number;
  readonly durationSeconds: number;
  /** Start of the run, ns since the epoch (fixed, so runs do not depend on the clock). */
  readonly startTimeUnixNano: bigint;
  /** Distinct `enduser.id` values. */
  readonly users: number;
  /** Adds a unique order id to the root span's `url.path` (unbounded cardinality). */
  readonly uniquePaths: boolean;
  /** Probability that a failing child makes its parent fail too. */
  readonly errorPropagation: number;
  readonly environment: string;
}

/** A named scenario for the UI. */
export interface ScenarioPreset {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly settings: ScenarioSettings;
}
