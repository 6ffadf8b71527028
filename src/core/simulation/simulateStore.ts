/**
 * A whole preview run over spans held in a `SpanStore`: arrivals by time window, each window
 * materialised as one payload, fed through the pipelines. Written as a generator that yields
 * progress between windows, so the worker can answer a cancel and post partial results, and the
 * CLI can simply drain it.
 */
import type { ConfigModel } from '../config/configModel';
import { materialize } from '../telemetry/materialize';
import type { TracesData } from '../telemetry/pdata';
import { groupByTrace, type TraceGroups } from '../telemetry/groupByTrace';
import { createSpanReadCache, type SpanStore } from '../telemetry/spanStore';
import { arrivalWindows, type ArrivalOptions } from './arrivals';
import { createPipelineRun } from './pipelineRun';
import { resolveComponentConfigs } from './resolveConfigs';
import type { SimulationResult } from './simulationResult';

export interface SimulateOptions extends ArrivalOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly featureGates?: Readonly<Record<string, boolean>>;
  readonly keepExported?: boolean;
  /** Spans per progress step (a step ends after the window that crosses it). Default 50,000. */
  readonly stepSpans?: number;
  /**
   * Run on span objects even when the config has a columnar form (decision 0014): for the test
   * that holds both paths to the same results, and for comparing their speed.
   */
  readonly objectPath?: boolean;
  /** `groupByTrace(store)` when the caller already holds it (covering at least rows [0, rowEnd)); computed otherwise. */
  readonly traceGroups?: TraceGroups;
}

export interface SimulationProgress {
  readonly spansDone: number;
  readonly spansTotal: number;
  /** A result so far, produced every few steps (costly to build, so not on every step). */
  readonly partial?: SimulationResult;
}

/** Runs `model` over rows [rowStart, rowEnd) of `store`. Yields progress; returns the result. */
export function* simulateStore(
  model: ConfigModel,
  store: SpanStore,
  rowStart: number,
  rowEnd: number,
  options: SimulateOptions = {},
): Generator<SimulationProgress, { result: SimulationResult; exported: ReadonlyMap<string, readonly TracesData[]>; onRows: boolean }> {
  // One trace-id string per trace for the whole run (the runner keys its maps by it).
  const groups = options.traceGroups ?? groupByTrace(store, rowEnd);
  const cache = createSpanReadCache(groups.traceOfRow);
  const run = createPipelineRun(model, {
    configs: resolveComponentConfigs(model, options.env ?? {}),
    ...(options.featureGates ? { featureGates: options.featureGates } : {}),
    ...(options.keepExported ? { keepExported: true } : {}),
    ...(options.objectPath ? {} : { rows: { store, cache, traceCount: groups.traceCount } }),
  });
  const windows = arrivalWindows(store, rowStart, rowEnd, options);
  const total = rowEnd - rowStart;
  const step = Math.max(1, options.stepSpans ?? 50_000);
  let done = 0;
  let sinceYield = 0;
  let steps = 0;
  for (const window of windows) {
    if (run.onRows) run.feedRows(window);
    else run.feed({ atMs: window.atMs, data: materialize(store, window.rows, cache) });
    done += window.rows.length;
    sinceYield += window.rows.length;
    if (sinceYield >= step) {
      sinceYield = 0;
      steps++;
      yield { spansDone: done, spansTotal: total, ...(steps === 1 || steps % 5 === 0 ? { partial: run.partial() } : {}) };
    }
  }
  const last = windows[windows.length - 1];
  const result = run.finish(last?.atMs);
  return { result, exported: run.exported(), onRows: run.onRows };
}

/** Drains `simulateStore` (for the CLI and tests). */
export function simulateStoreSync(model: ConfigModel, store: SpanStore, rowStart: number, rowEnd: number, options: SimulateOptions = {}) {
  const steps = simulateStore(model, store, rowStart, rowEnd, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
