/**
 * What Compare shows: two runs over the same traces (the current config against the one before
 * the last edits, or against a kept baseline), reduced to kept share, volume, per-policy hits and
 * the traces whose decision changed. Pure data in, data out; the panels only render it.
 */
import { compareRuns, type RunComparison } from '../../core/simulation/preview/compareRuns';
import type { PolicySummary } from '../../core/simulation/simulationResult';
import type { TraceTable } from '../../core/simulation/traceTable';
import type { RunSummary } from '../../core/simulation/preview/previewTypes';

export interface ComparedRun {
  readonly result: RunSummary;
  readonly table: TraceTable;
}

export interface PolicyChange {
  readonly policy: string;
  readonly before: number | null;
  readonly after: number | null;
}

export interface DecisionChange {
  readonly before: string;
  readonly after: string;
  readonly traces: number;
}

export interface Comparison extends RunComparison {
  /** Rows of the current table whose decision changed, ascending. */
  readonly changedRows: Uint32Array;
  /** Row of the current table → its decision in the compared run (changed rows only). */
  readonly beforeByRow: ReadonlyMap<number, string>;
  /** Changed traces grouped by "before → after", most first. */
  readonly transitions: readonly DecisionChange[];
  /** Traces each policy sampled, in either run (null: the policy is not in that config). */
  readonly policies: readonly PolicyChange[];
}

function policyKey(p: PolicySummary): string {
  return p.policy;
}

/** Compares `after` (the current run) with `before`, matching traces by id. */
export function compareResults(before: ComparedRun, after: ComparedRun): Comparison {
  const diff = compareRuns({ summary: before.result.summary, table: before.table }, { summary: after.result.summary, table: after.table }, Number.POSITIVE_INFINITY);
  const changedRows = Uint32Array.from(diff.changed.map((c) => c.row));
  const beforeByRow = new Map(diff.changed.map((c) => [c.row, c.before]));
  const counts = new Map<string, DecisionChange>();
  for (const c of diff.changed) {
    const key = `${c.before}>${c.after}`;
    const t = counts.get(key);
    counts.set(key, { before: c.before, after: c.after, traces: (t?.traces ?? 0) + 1 });
  }
  const byPolicy = new Map<string, { before: number | null; after: number | null }>();
  for (const p of before.result.policies) {
    const e = byPolicy.get(policyKey(p)) ?? { before: null, after: null };
    byPolicy.set(policyKey(p), { ...e, before: (e.before ?? 0) + p.matched });
  }
  for (const p of after.result.policies) {
    const e = byPolicy.get(policyKey(p)) ?? { before: null, after: null };
    byPolicy.set(policyKey(p), { ...e, after: (e.after ?? 0) + p.matched });
  }
  return {
    ...diff,
    changedRows,
    beforeByRow,
    transitions: [...counts.values()].sort((a, b) => b.traces - a.traces),
    policies: [...byPolicy].map(([policy, v]) => ({ policy, ...v })),
  };
}

/** The rows of `rows` that are also in `subset` (both ascending or not; keeps `rows`' order). */
export function onlyRows(rows: Uint32Array, subset: Uint32Array, tableSize: number): Uint32Array {
  const mark = new Uint8Array(tableSize);
  for (const r of subset) if (r < tableSize) mark[r] = 1;
  const out = new Uint32Array(rows.length);
  let n = 0;
  for (const r of rows) if (mark[r]) out[n++] = r;
  return out.subarray(0, n);
}
