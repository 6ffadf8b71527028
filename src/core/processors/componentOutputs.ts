/**
 * Outputs some components produce besides forwarded traces. The pipeline runner and the UI
 * detect them with the guards below:
 *
 * - trace→metrics connectors (`span_metrics`, `count`, `service_graph`) implement
 *   {@link MetricsProducer}: `takeMetrics()` returns the metrics payloads emitted since the last
 *   call (count: one per consumed payload; span_metrics: one per flush interval and at `flush`;
 *   service_graph: after every payload when `metrics_flush_interval` is 0, else per interval).
 * - the `debug` exporter implements {@link DebugLogSource}: `takeLogs()` returns the log entries
 *   it wrote (the `Traces` summary and, for normal/detailed verbosity, the rendered text).
 */
import type { TracesComponent } from '../simulation/component';
import type { MetricsData } from '../telemetry/metrics';

export interface MetricsEmission {
  readonly data: MetricsData;
  /** Simulated time of the emission. */
  readonly atMs: number;
}

export interface MetricsProducer {
  takeMetrics(): MetricsEmission[];
}

export interface DebugLogEntry {
  /** The summary entry: message `Traces` with fields `resource spans` and `spans`. */
  readonly summary: { readonly message: 'Traces'; readonly resourceSpans: number; readonly spans: number };
  /**
   * The second entry's message (normal / detailed verbosity); absent for basic. Rendered from the
   * payload when first read, so a reader whose payload may change later reads it at once.
   */
  readonly text?: string;
  readonly atMs: number;
}

export interface DebugLogSource {
  takeLogs(): DebugLogEntry[];
  /**
   * With `basic` verbosity: logs a payload from its counts alone (what `consume` would log for
   * it), so a columnar run need not show it the spans. Absent when the verbosity renders spans.
   */
  readonly consumeCounts?: (resourceSpans: number, spans: number, nowMs: number) => void;
}

/** Whether a component emits metrics. */
export function isMetricsProducer(c: TracesComponent): c is TracesComponent & MetricsProducer {
  return typeof (c as Partial<MetricsProducer>).takeMetrics === 'function';
}

/** Whether a component writes debug-exporter logs. */
export function isDebugLogSource(c: TracesComponent): c is TracesComponent & DebugLogSource {
  return typeof (c as Partial<DebugLogSource>).takeLogs === 'function';
}
