/**
 * Per-trace summaries for the trace list: root service and name, start, duration, span count
 * and error flag, as columns indexed by trace (engine-design.md "Results without drowning the
 * page": the page asks for the rows it shows).
 */
import type { TraceGroups } from './groupByTrace';
import { nanosCompare, nanosDiff, nanosFromHalves } from './nanos';
import { isRoot, traceIdHex, type SpanStore } from './spanStore';
import { stringAt } from './stringTable';

export interface TraceSummaries {
  readonly traceCount: number;
  /** The root span's row: the earliest-starting span without a parent, else the earliest span. */
  readonly rootRow: Uint32Array;
  /** Earliest start of any span (hi/lo ns halves). */
  readonly startHi: Uint32Array;
  readonly startLo: Uint32Array;
  /** Latest end minus earliest start, integer ns (exact below 2^53 ns). */
  readonly durationNs: Float64Array;
  readonly spanCount: Uint32Array;
  /** 1 when any span has status ERROR. */
  readonly hasError: Uint8Array;
}

/** One trace's summary as an object, for a visible row of the trace list. */
export interface TraceSummary {
  readonly traceId: string;
  readonly rootService: string;
  readonly rootName: string;
  readonly startTimeUnixNano: bigint;
  readonly durationNs: number;
  readonly spanCount: number;
  readonly hasError: boolean;
}

/** Summarises every trace of `groups` (from `groupByTrace(store)`). */
export function traceSummaries(store: SpanStore, groups: TraceGroups): TraceSummaries {
  const n = groups.traceCount;
  const rootRow = new Uint32Array(n);
  const startHi = new Uint32Array(n);
  const startLo = new Uint32Array(n);
  const durationNs = new Float64Array(n);
  const spanCount = new Uint32Array(n);
  const hasError = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    const from = groups.rowStart[t]!;
    const to = groups.rowStart[t + 1]!;
    let sHi = 0xffffffff;
    let sLo = 0xffffffff;
    let eHi = 0;
    let eLo = 0;
    let root = -1;
    let earliest = -1;
    let err = 0;
    for (let i = from; i < to; i++) {
      const row = groups.rows[i]!;
      const h = store.startHi[row]!;
      const l = store.startLo[row]!;
      if (nanosCompare(h, l, sHi, sLo) < 0) {
        sHi = h;
        sLo = l;
        earliest = row;
      }
      if (nanosCompare(store.endHi[row]!, store.endLo[row]!, eHi, eLo) > 0) {
        eHi = store.endHi[row]!;
        eLo = store.endLo[row]!;
      }
      if (isRoot(store, row) && (root < 0 || nanosCompare(h, l, store.startHi[root]!, store.startLo[root]!) < 0)) root = row;
      if (store.statuses[row] === 2) err = 1;
    }
    rootRow[t] = root >= 0 ? root : earliest >= 0 ? earliest : groups.rows[from]!;
    startHi[t] = sHi;
    startLo[t] = sLo;
    durationNs[t] = Math.max(0, nanosDiff(sHi, sLo, eHi, eLo));
    spanCount[t] = to - from;
    hasError[t] = err;
  }
  return { traceCount: n, rootRow, startHi, startLo, durationNs, spanCount, hasError };
}

/** The summary of trace `t` as an object. */
export function traceSummaryAt(store: SpanStore, summaries: TraceSummaries, t: number): TraceSummary {
  const root = summaries.rootRow[t]!;
  const res = store.resources[store.scopes[store.scopeOf[root]!]!.resource]!;
  return {
    traceId: traceIdHex(store, root),
    rootService: res.serviceName,
    rootName: stringAt(store.strings, store.names[root]!),
    startTimeUnixNano: nanosFromHalves(summaries.startHi[t]!, summaries.startLo[t]!),
    durationNs: summaries.durationNs[t]!,
    spanCount: summaries.spanCount[t]!,
    hasError: summaries.hasError[t] === 1,
  };
}
