/**
 * Plain data the preview passes across the worker boundary and shows: where the traces come
 * from, what loading them gave, run inputs, progress and the run summary.
 */
import type { IngestIssue, TraceFormat } from '../../ingest/ingestTypes';
import type { SimulationResult, SimulationSummary } from '../simulationResult';

/** Where the preview's traces come from. */
export type DataSource =
  | {
      readonly kind: 'scenario';
      readonly presetId: string;
      readonly seed: number;
      readonly traceCount: number;
      readonly tracesPerSecond?: number;
      readonly errorRateScale?: number;
    }
  | { readonly kind: 'files'; readonly files: readonly { readonly name: string; readonly blob: Blob }[] }
  | { readonly kind: 'sample'; readonly name: string; readonly url: string };

export interface FileReport {
  readonly name: string;
  readonly format: TraceFormat | null;
  readonly bytes: number;
  readonly spans: number;
  readonly ok: boolean;
  readonly fatal?: string;
  readonly issues: readonly IngestIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
}

export interface DatasetInfo {
  readonly label: string;
  readonly spans: number;
  readonly traces: number;
  /** Uploads and samples: what each file gave. */
  readonly files: readonly FileReport[];
}

export interface LoadProgress {
  /** Bytes read (files) or traces generated (scenario). */
  readonly done: number;
  readonly total: number;
  readonly unit: 'bytes' | 'traces';
  readonly spans: number;
}

export interface RunInput {
  readonly text: string;
  readonly env: Readonly<Record<string, string>>;
  /** Added to each span's end time to get its arrival (arrivals.ts). */
  readonly exportDelayMs: number;
  /** Replay speed for uploaded data. */
  readonly speed: number;
}

export interface RunProgress {
  readonly spansDone: number;
  readonly spansTotal: number;
  readonly partial?: SimulationSummary;
}

/** A run's result without the per-trace objects (those cross as `TraceTable` columns). */
export type RunSummary = Omit<SimulationResult, 'traces' | 'decisionRecords' | 'debugOutput'>;

