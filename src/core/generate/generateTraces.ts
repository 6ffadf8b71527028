/**
 * Convenience drivers over `createTraceGenerator`: fill a SpanStore in chunks, or yield pdata
 * batches for code that consumes payloads (the generator itself never builds pdata).
 */
import { materialize, rowRange } from '../telemetry/materialize';
import type { TracesData } from '../telemetry/pdata';
import { createSpanStore, type RowRange, type SpanStore } from '../telemetry/spanStore';
import type { ScenarioSettings } from './scenario';
import { createTraceGenerator } from './traceGenerator';

export interface GenerateOptions {
  /** 32-bit seed: the same seed and settings give the same traces, bit for bit. */
  readonly seed: number;
  /** Overrides the scenario's trace count. */
  readonly traceCount?: number;
  /** Traces per chunk (progress granularity). Default 2,000. */
  readonly chunkTraces?: number;
  readonly onProgress?: (progress: { traces: number; spans: number; total: number }) => void;
}

export interface GenerateSummary {
  readonly traces: number;
  readonly spans: number;
  readonly rows: RowRange;
}

/** Generates the whole run into `store`, chunk by chunk, reporting progress after each chunk. */
export function generateIntoStore(store: SpanStore, settings: ScenarioSettings, options: GenerateOptions): GenerateSummary {
  const gen = createTraceGenerator(settings, options.seed, options.traceCount);
  const start = store.count;
  const chunk = Math.max(1, options.chunkTraces ?? 2000);
  while (!gen.done) {
    gen.next(store, chunk);
    options.onProgress?.({ traces: gen.traces, spans: gen.spans, total: gen.total });
  }
  return { traces: gen.traces, spans: gen.spans, rows: { start, end: store.count } };
}

/**
 * Yields the run as pdata payloads of `batchTraces` traces each (default 100), each built in
 * a small scratch store and dropped after it is materialised.
 */
export function* generateBatches(settings: ScenarioSettings, options: GenerateOptions & { readonly batchTraces?: number }): Generator<TracesData> {
  const gen = createTraceGenerator(settings, options.seed, options.traceCount);
  const batch = Math.max(1, options.batchTraces ?? 100);
  while (!gen.done) {
    const scratch = createSpanStore(batch * 16);
    gen.next(scratch, batch);
    options.onProgress?.({ traces: gen.traces, spans: gen.spans, total: gen.total });
    yield materialize(scratch, rowRange(0, scratch.count));
  }
}
