/** Accumulators shared by the trace→metrics connectors (processors-spec §4.3-§4.5). */
import type { HistogramDataPoint, NumberDataPoint } from '../telemetry/metrics';
import type { AnyValue, Attributes } from '../telemetry/pdata';
import { cloneAttributes } from '../ottl/ottlValue';
import { anyValueJson } from '../ottl/valueText';

/** A stable key for an attribute set (order-sensitive, as the connectors build them in order). */
export function attributesKey(m: Attributes): string {
  return JSON.stringify([...m].map(([k, v]: [string, AnyValue]) => [k, v.kind, anyValueJson(v)]));
}

/**
 * Small integer ids for attribute values: two values get the same id iff they are equal (kind and
 * content), so a series key can be a few numbers rather than the JSON of a whole attribute map,
 * which a connector would otherwise build for every span. Ids are never reused.
 */
export class ValueIds {
  private readonly strings = new Map<string, number>();
  private readonly others = new Map<string, number>();
  private next = 1;

  /** The id of `v`; 0 for an absent value. */
  of(v: AnyValue | undefined): number {
    if (v === undefined) return 0;
    if (v.kind === 'string') return this.ofString(v.value);
    const text = `${v.kind}:${anyValueJson(v)}`;
    let id = this.others.get(text);
    if (id === undefined) this.others.set(text, (id = this.next++));
    return id;
  }

  /** The id of a string value (the same as `of({ kind: 'string', value })`). */
  ofString(value: string): number {
    let id = this.strings.get(value);
    if (id === undefined) this.strings.set(value, (id = this.next++));
    return id;
  }

  /** A key for an attribute map, equal for two maps iff `attributesKey` is (same entries, same order). */
  mapKey(m: Attributes): string {
    let key = '';
    for (const [k, v] of m) key += `${this.ofString(k)}=${this.of(v)},`;
    return key;
  }
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
