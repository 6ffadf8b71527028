/**
 * The per-trace results as columns (engine-design.md "Results without drowning the page"): the
 * worker turns `SimulationResult.traces` into typed arrays plus one string table and transfers
 * the buffers, so 100,000 traces cross the boundary in milliseconds instead of being cloned as
 * objects (stack-probe.md §4). The page reads rows on demand for the rows it shows.
 */
import type { FinalDecision, TraceOutcome } from './simulationResult';

export const DECISIONS: readonly FinalDecision[] = ['sampled', 'not_sampled', 'dropped'];

export const FLAG_ERROR = 1;
export const FLAG_EVICTED = 2;

export interface TraceTable {
  readonly count: number;
  /** Interned strings; index 0 is always ''. */
  readonly strings: readonly string[];
  /** Policy names (`samplerId`-less, in order of first appearance); policy i is bit i of a trace's `sampledBy` words. */
  readonly policies: readonly string[];
  /** 32-bit words per trace in `sampledBy`: ceil(policies / 32), at least 1. */
  readonly policyWords: number;
  /** 4 big-endian words per trace. */
  readonly traceIdWords: Uint32Array;
  /** Index into `DECISIONS`. */
  readonly decision: Uint8Array;
  readonly durationMs: Float64Array;
  readonly spanCount: Uint32Array;
  readonly exportedSpans: Uint32Array;
  readonly lateSpans: Uint32Array;
  /** `FLAG_ERROR` | `FLAG_EVICTED`. */
  readonly flags: Uint8Array;
  readonly rootService: Uint32Array;
  readonly rootName: Uint32Array;
  /** String index of `decidedBy` (0: nobody, e.g. kept without a sampler). */
  readonly decidedBy: Uint32Array;
  /**
   * `policyWords` words per trace: bit (i % 32) of word `t * policyWords + (i >> 5)` is set when
   * policy i's verdict on trace t was Sampled. A bit set rather than one mask so a config with any
   * number of policies filters exactly (a 32-bit mask silently lost policy 33 onwards).
   */
  readonly sampledBy: Uint32Array;
}

/** One row as an object, for a visible line of the list. */
export interface TraceRow {
  readonly index: number;
  readonly traceId: string;
  readonly decision: FinalDecision;
  readonly durationMs: number;
  readonly spanCount: number;
  readonly exportedSpans: number;
  readonly lateSpans: number;
  readonly hasError: boolean;
  readonly evicted: boolean;
  readonly rootService: string;
  readonly rootName: string;
  readonly decidedBy: string;
  readonly sampledBy: readonly string[];
}

function hexWord(hex: string, i: number): number {
  const part = hex.slice(i * 8, i * 8 + 8);
  const v = parseInt(part, 16);
  return Number.isFinite(v) ? v >>> 0 : 0;
}

const HEX = '0123456789abcdef';

/** Builds the columns from the engine's outcomes. */
export function buildTraceTable(traces: readonly TraceOutcome[]): TraceTable {
  const n = traces.length;
  const strings: string[] = [''];
  const index = new Map<string, number>([['', 0]]);
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  // Policies first, so the bit set's width is known before it is filled.
  const policies: string[] = [];
  const policyIndex = new Map<string, number>();
  for (const o of traces) {
    for (const p of o.policies) {
      if (!policyIndex.has(p.policy)) {
        policyIndex.set(p.policy, policies.length);
        policies.push(p.policy);
      }
    }
  }
  const policyWords = Math.max(1, Math.ceil(policies.length / 32));
  const table = {
    count: n,
    strings,
    policies,
    policyWords,
    traceIdWords: new Uint32Array(n * 4),
    decision: new Uint8Array(n),
    durationMs: new Float64Array(n),
    spanCount: new Uint32Array(n),
    exportedSpans: new Uint32Array(n),
    lateSpans: new Uint32Array(n),
    flags: new Uint8Array(n),
    rootService: new Uint32Array(n),
    rootName: new Uint32Array(n),
    decidedBy: new Uint32Array(n),
    sampledBy: new Uint32Array(n * policyWords),
  };
  for (let t = 0; t < n; t++) {
    const o = traces[t]!;
    for (let w = 0; w < 4; w++) table.traceIdWords[t * 4 + w] = hexWord(o.traceId, w);
    table.decision[t] = Math.max(0, DECISIONS.indexOf(o.decision));
    table.durationMs[t] = o.durationMs;
    table.spanCount[t] = o.spanCount;
    table.exportedSpans[t] = o.exportedSpans;
    table.lateSpans[t] = o.lateSpans;
    table.flags[t] = (o.hasError ? FLAG_ERROR : 0) | (o.evicted ? FLAG_EVICTED : 0);
    table.rootService[t] = intern(o.rootService);
    table.rootName[t] = intern(o.rootName);
    table.decidedBy[t] = intern(o.decidedBy ?? '');
    for (const p of o.policies) {
      if (p.verdict !== 'Sampled') continue;
      const i = policyIndex.get(p.policy)!;
      table.sampledBy[t * policyWords + (i >>> 5)]! |= 1 << (i & 31);
    }
  }
  return table;
}

/** The buffers to list as transferables (they detach on the sender). */
export function traceTableBuffers(table: TraceTable): ArrayBuffer[] {
  return [
    table.traceIdWords,
    table.decision,
    table.durationMs,
    table.spanCount,
    table.exportedSpans,
    table.lateSpans,
    table.flags,
    table.rootService,
    table.rootName,
    table.decidedBy,
    table.sampledBy,
  ].map((a) => a.buffer as ArrayBuffer);
}

/** Trace id of row `t` as 32 lowercase hex digits. */
export function traceIdAt(table: TraceTable, t: number): string {
  let s = '';
  for (let w = 0; w < 4; w++) {
    const v = table.traceIdWords[t * 4 + w]!;
    for (let shift = 28; shift >= 0; shift -= 4) s += HEX[(v >>> shift) & 15];
  }
  return s;
}

/** True when policy `i` (an index into `table.policies`) sampled row `t`. */
export function sampledByPolicy(table: TraceTable, t: number, i: number): boolean {
  return (table.sampledBy[t * table.policyWords + (i >>> 5)]! & (1 << (i & 31))) !== 0;
}

/** Policies whose verdict on row `t` was Sampled. */
export function sampledPoliciesAt(table: TraceTable, t: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < table.policies.length; i++) if (sampledByPolicy(table, t, i)) out.push(table.policies[i]!);
  return out;
}

/** Row `t` as an object. */
export function traceRowAt(table: TraceTable, t: number): TraceRow {
  const flags = table.flags[t]!;
  return {
    index: t,
    traceId: traceIdAt(table, t),
    decision: DECISIONS[table.decision[t]!]!,
    durationMs: table.durationMs[t]!,
    spanCount: table.spanCount[t]!,
    exportedSpans: table.exportedSpans[t]!,
    lateSpans: table.lateSpans[t]!,
    hasError: (flags & FLAG_ERROR) !== 0,
    evicted: (flags & FLAG_EVICTED) !== 0,
    rootService: table.strings[table.rootService[t]!]!,
    rootName: table.strings[table.rootName[t]!]!,
    decidedBy: table.strings[table.decidedBy[t]!]!,
    sampledBy: sampledPoliciesAt(table, t),
  };
}
