/**
 * The metrics model the trace-to-metrics connectors emit (span_metrics, count, service_graph;
 * processors-spec §4.3-§4.5), close to pdata `pmetric`. Only Sum and Histogram are produced by
 * these connectors; Gauge is included so the shape can carry any OTLP number metric.
 *
 * Invariants: timestamps are exact nanoseconds (`bigint`); int sums are `bigint` (int64) and
 * double values `number`, as OTLP distinguishes `asInt` from `asDouble`.
 */
import type { Attributes, InstrumentationScope, Resource } from './pdata';

/** OTLP `AggregationTemporality`: 1 delta, 2 cumulative. */
export type AggregationTemporality = 1 | 2;

export const AGGREGATION_TEMPORALITY_NAMES = [
  'AGGREGATION_TEMPORALITY_UNSPECIFIED',
  'AGGREGATION_TEMPORALITY_DELTA',
  'AGGREGATION_TEMPORALITY_CUMULATIVE',
] as const;

export interface NumberDataPoint {
  attributes: Attributes;
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  value: { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'double'; readonly value: number };
}

export interface HistogramDataPoint {
  attributes: Attributes;
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  count: number;
  sum: number;
  explicitBounds: number[];
  /** `explicitBounds.length + 1` entries. */
  bucketCounts: number[];
}

export type MetricData =
  | { readonly type: 'sum'; aggregationTemporality: AggregationTemporality; isMonotonic: boolean; dataPoints: NumberDataPoint[] }
  | { readonly type: 'gauge'; dataPoints: NumberDataPoint[] }
  | { readonly type: 'histogram'; aggregationTemporality: AggregationTemporality; dataPoints: HistogramDataPoint[] };

export interface Metric {
  name: string;
  description: string;
  unit: string;
  data: MetricData;
}

export interface ScopeMetrics {
  scope: InstrumentationScope;
  schemaUrl: string;
  metrics: Metric[];
}

export interface ResourceMetrics {
  resource: Resource;
  schemaUrl: string;
  scopeMetrics: ScopeMetrics[];
}

/** One metrics payload, as a metrics pipeline's `ConsumeMetrics` receives it. */
export interface MetricsData {
  resourceMetrics: ResourceMetrics[];
}

/** Number of data points in a payload. */
export function dataPointCount(data: MetricsData): number {
  let n = 0;
  for (const rm of data.resourceMetrics) for (const sm of rm.scopeMetrics) for (const m of sm.metrics) n += m.data.dataPoints.length;
  return n;
}
