/**
 * Messages between the page and the simulation worker (style.md #9). The worker holds the span
 * store; the page sends what to load and which config to run, and gets back progress, a small
 * summary and the per-trace table as transferable columns (never 100,000 cloned objects,
 * stack-probe.md §4). One trace's spans are fetched on demand.
 */
import type { DataSource, DatasetInfo, LoadProgress, RunInput, RunProgress, RunSummary } from '../core/simulation/preview/previewTypes';
import type { TraceDetail } from '../core/simulation/preview/traceDetail';
import type { TraceTable } from '../core/simulation/traceTable';


export type SimulationRequest =
  | { readonly type: 'load'; readonly requestId: number; readonly source: DataSource }
  | { readonly type: 'run'; readonly requestId: number; readonly input: RunInput }
  /** One trace of a finished run: `runId` is the `requestId` of the run whose table the row is from. */
  | { readonly type: 'trace'; readonly requestId: number; readonly runId: number; readonly row: number }
  | { readonly type: 'cancel'; readonly requestId: number };

export type SimulationResponse =
  | { readonly type: 'load-progress'; readonly requestId: number; readonly progress: LoadProgress }
  | { readonly type: 'loaded'; readonly requestId: number; readonly dataset: DatasetInfo }
  | { readonly type: 'run-progress'; readonly requestId: number; readonly progress: RunProgress }
  | { readonly type: 'run-done'; readonly requestId: number; readonly result: RunSummary; readonly table: TraceTable; readonly elapsedMs: number }
  /** `detail` is null when the run does not have that row; a run the engine no longer holds is a `failure`. */
  | { readonly type: 'trace'; readonly requestId: number; readonly detail: TraceDetail | null }
  | { readonly type: 'cancelled'; readonly requestId: number }
  | { readonly type: 'failure'; readonly requestId: number; readonly message: string };
