/** Accumulators shared by the trace→metrics connectors (processors-spec §4.3-§4.5). */
import type { HistogramDataPoint, NumberDataPoint } from '../telemetry/metrics';
import type { AnyValue, Attributes } from '../telemetry/pdata';
import { cloneAttributes } from '../ottl/ottlValue';
import { anyValueJson } from '../ottl/valueText';

/** A stable key for an attribute set (order-sensitive, as the connectors build them in order). */
export function attributesKey(m: Attributes): string {
  return JSON.stringify([...m].map(([k, v]: [string, AnyValue]) => [k, v.kind, anyValueJson(v)]));
}

/** Milliseconds on the simulated clock → nanoseconds. */
export function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1e6));
}

export interface HistogramState {
  count: number;
  sum: number;
  readonly buckets: number[];
}

export function newHistogram(bounds: readonly number[]): HistogramState {
  return { count: 0, sum: 0, buckets: new Array<number>(bounds.length + 1).fill(0) };
}

/** Record a value: bucket = first bound ≥ value (a value equal to a bound goes in that bucket). */
export function recordHistogram(h: HistogramState, bounds: readonly number[], value: number): void {
  let i = bounds.findIndex((b) => b >= value);
  if (i < 0) i = bounds.length;
  h.buckets[i] = (h.buckets[i] ?? 0) + 1;
  h.count += 1;
  h.sum += value;
}

export function histogramPoint(attrs: Attributes, h: HistogramState, bounds: readonly number[], startNs: bigint, timeNs: bigint): HistogramDataPoint {
  return { attributes: cloneAttributes(attrs), startTimeUnixNano: startNs, timeUnixNano: timeNs, count: h.count, sum: h.sum, explicitBounds: [...bounds], bucketCounts: [...h.buckets] };
}

export function intPoint(attrs: Attributes, value: number, startNs: bigint, timeNs: bigint): NumberDataPoint {
  return { attributes: cloneAttributes(attrs), startTimeUnixNano: startNs, timeUnixNano: timeNs, value: { kind: 'int', value: BigInt(value) } };
}
