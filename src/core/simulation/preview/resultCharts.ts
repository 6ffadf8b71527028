/** Numbers behind the Results tab's charts, derived from a run's summary, node stats and trace table. */
import type { NodeStats, SimulationSummary } from '../simulationResult';
import { FLAG_ERROR, type TraceTable } from '../traceTable';

export interface StageVolume {
  readonly label: string;
  readonly spans: number;
  readonly traces: number;
}

function typeOf(componentId: string): string {
  const slash = componentId.indexOf('/');
  return slash < 0 ? componentId : componentId.slice(0, slash);
}

/**
 * Spans in → after the head sampler → after the tail sampler → exported. The samplers' stages
 * appear only when the pipeline has them (the first traces lane that does, in the node order
 * of the run).
 */
export function stageVolumes(summary: SimulationSummary, nodes: readonly NodeStats[]): StageVolume[] {
  const stages: StageVolume[] = [{ label: 'spans in', spans: summary.inputSpans, traces: summary.inputTraces }];
  const head = nodes.find((n) => n.kind === 'processor' && typeOf(n.componentId) === 'probabilistic_sampler' && n.spansIn > 0);
  const tail = nodes.find((n) => n.kind === 'processor' && typeOf(n.componentId) === 'tail_sampling' && n.spansIn > 0);
  if (head) stages.push({ label: `after head (${head.componentId})`, spans: head.spansOut, traces: head.tracesOut });
  if (tail) stages.push({ label: `after tail (${tail.componentId})`, spans: tail.spansOut, traces: tail.tracesOut });
  stages.push({ label: 'exported', spans: summary.exportedSpans, traces: summary.exportedTraces });
  return stages;
}

export interface KeptShare {
  readonly label: string;
  readonly traces: number;
  readonly kept: number;
}

/** Kept (sampled) traces by root service, most traces first. */
export function keptByService(table: TraceTable): KeptShare[] {
  const traces = new Map<number, number>();
  const kept = new Map<number, number>();
  for (let t = 0; t < table.count; t++) {
    const s = table.rootService[t]!;
    traces.set(s, (traces.get(s) ?? 0) + 1);
    if (table.decision[t] === 0) kept.set(s, (kept.get(s) ?? 0) + 1);
  }
  return [...traces]
    .map(([s, n]) => ({ label: table.strings[s] || '(no service)', traces: n, kept: kept.get(s) ?? 0 }))
    .sort((a, b) => b.traces - a.traces || (a.label < b.label ? -1 : 1));
}

/** Kept traces among traces with an error span and among the rest. */
export function keptByStatus(table: TraceTable): KeptShare[] {
  const out = { error: { traces: 0, kept: 0 }, ok: { traces: 0, kept: 0 } };
  for (let t = 0; t < table.count; t++) {
    const bucket = table.flags[t]! & FLAG_ERROR ? out.error : out.ok;
    bucket.traces++;
    if (table.decision[t] === 0) bucket.kept++;
  }
  return [
    { label: 'error', ...out.error },
    { label: 'ok', ...out.ok },
  ];
}

export interface LatencyHistogram {
  /** Upper bound of each bucket in ms. */
  readonly bucketMs: readonly number[];
  readonly kept: readonly number[];
  readonly notKept: readonly number[];
}

/** Trace durations in logarithmic buckets (1-2-5 steps), kept against not kept. */
export function latencyHistogram(table: TraceTable): LatencyHistogram {
  const bounds: number[] = [];
  let max = 0;
  for (let t = 0; t < table.count; t++) max = Math.max(max, table.durationMs[t]!);
  for (let decade = 0.1; bounds.length === 0 || bounds[bounds.length - 1]! < max; decade *= 10) {
    for (const m of [1, 2, 5]) bounds.push(Math.round(decade * m * 1000) / 1000);
    if (bounds.length > 60) break;
  }
  const kept = new Array<number>(bounds.length).fill(0);
  const notKept = new Array<number>(bounds.length).fill(0);
  for (let t = 0; t < table.count; t++) {
    const d = table.durationMs[t]!;
    let b = bounds.findIndex((x) => d <= x);
    if (b < 0) b = bounds.length - 1;
    if (table.decision[t] === 0) kept[b]!++;
    else notKept[b]!++;
  }
  // Trim empty buckets at both ends.
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi && kept[lo] === 0 && notKept[lo] === 0) lo++;
  while (hi > lo && kept[hi] === 0 && notKept[hi] === 0) hi--;
  return { bucketMs: bounds.slice(lo, hi + 1), kept: kept.slice(lo, hi + 1), notKept: notKept.slice(lo, hi + 1) };
}
