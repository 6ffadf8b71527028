/**
 * Groups span rows by their 128-bit trace id with open addressing over the id columns
 * (performance.md §4 row c: ~11 M spans/s against ~2 M/s for a Map keyed by hex strings).
 */
import type { SpanStore } from './spanStore';

export interface TraceGroups {
  readonly traceCount: number;
  /** Trace index of each row (rows [0, store.count)). */
  readonly traceOfRow: Uint32Array;
  /** Rows of trace t are `rows[rowStart[t] .. rowStart[t + 1])`, in row order. */
  readonly rowStart: Uint32Array;
  readonly rows: Uint32Array;
  /** The first row of each trace (trace index order = order of first appearance). */
  readonly firstRow: Uint32Array;
}

function mix(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ d ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Groups rows [0, count) of `store` (or the first `count` rows) by trace id. */
export function groupByTrace(store: SpanStore, count = store.count): TraceGroups {
  const ids = store.traceIds;
  let cap = 16;
  while (cap < count * 2) cap *= 2;
  const mask = cap - 1;
  // slot → trace index + 1 (0 = empty)
  const slots = new Uint32Array(cap);
  const traceOfRow = new Uint32Array(count);
  const firstRowTmp = new Uint32Array(Math.max(1, count));
  const counts = new Uint32Array(Math.max(1, count) + 1);
  let traces = 0;
  for (let row = 0; row < count; row++) {
    const o = row * 4;
    const a = ids[o]!;
    const b = ids[o + 1]!;
    const c = ids[o + 2]!;
    const d = ids[o + 3]!;
    // The spans of a trace often sit next to each other (one export request, one generated trace): no probe for those.
    if (row > 0 && ids[o - 4] === a && ids[o - 3] === b && ids[o - 2] === c && ids[o - 1] === d) {
      const t = traceOfRow[row - 1]!;
      traceOfRow[row] = t;
      counts[t]!++;
      continue;
    }
    let s = mix(a, b, c, d) & mask;
    for (;;) {
      const v = slots[s]!;
      if (v === 0) {
        slots[s] = traces + 1;
        firstRowTmp[traces] = row;
        traceOfRow[row] = traces;
        counts[traces] = 1;
        traces++;
        break;
      }
      const fo = firstRowTmp[v - 1]! * 4;
      if (ids[fo] === a && ids[fo + 1] === b && ids[fo + 2] === c && ids[fo + 3] === d) {
        traceOfRow[row] = v - 1;
        counts[v - 1]!++;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  const rowStart = new Uint32Array(traces + 1);
  for (let t = 0; t < traces; t++) rowStart[t + 1] = rowStart[t]! + counts[t]!;
  const fill = rowStart.slice(0, traces);
  const rows = new Uint32Array(count);
  for (let row = 0; row < count; row++) rows[fill[traceOfRow[row]!]!++] = row;
  return { traceCount: traces, traceOfRow, rowStart, rows, firstRow: firstRowTmp.slice(0, traces) };
}

/** The rows of trace `t`. */
export function traceRows(groups: TraceGroups, t: number): Uint32Array {
  return groups.rows.subarray(groups.rowStart[t]!, groups.rowStart[t + 1]!);
}
