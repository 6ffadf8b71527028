/** What changed between two runs over the same traces: kept share, volume, changed decisions. */
import type { SimulationSummary } from '../simulationResult';
import { DECISIONS, traceIdAt, type TraceTable } from '../traceTable';

export interface RunComparison {
  readonly keptBefore: number;
  readonly keptAfter: number;
  readonly tracesBefore: number;
  readonly tracesAfter: number;
  readonly exportedSpansBefore: number;
  readonly exportedSpansAfter: number;
  /** Rows of the current table whose decision differs from the previous run's. */
  readonly changed: readonly { readonly row: number; readonly before: string; readonly after: string }[];
}

/** Compares `before` and `after`, matching traces by id. */
export function compareRuns(
  before: { summary: SimulationSummary; table: TraceTable },
  after: { summary: SimulationSummary; table: TraceTable },
  limit = 1000,
): RunComparison {
  const previous = new Map<string, number>();
  for (let t = 0; t < before.table.count; t++) previous.set(traceIdAt(before.table, t), before.table.decision[t]!);
  const changed: { row: number; before: string; after: string }[] = [];
  for (let t = 0; t < after.table.count && changed.length < limit; t++) {
    const prev = previous.get(traceIdAt(after.table, t));
    if (prev !== undefined && prev !== after.table.decision[t]) changed.push({ row: t, before: DECISIONS[prev]!, after: DECISIONS[after.table.decision[t]!]! });
  }
  return {
    keptBefore: before.summary.sampledTraces,
    keptAfter: after.summary.sampledTraces,
    tracesBefore: before.summary.inputTraces,
    tracesAfter: after.summary.inputTraces,
    exportedSpansBefore: before.summary.exportedSpans,
    exportedSpansAfter: after.summary.exportedSpans,
    changed,
  };
}
