/**
 * The engine side of the simulation boundary, shared by the worker entry and the inline twin:
 * it owns the span store, answers requests with core calls, and between steps gives the event
 * loop a turn (`yieldNow`: a MessageChannel ping in the worker) so a `cancel` gets in.
 * Only one load or run is live at a time; a newer one cancels the older (latest wins).
 */
import { isBroken } from '../core/analysis/analyzeConfig';
import { parseConfig } from '../core/config/parseConfig';
import { findScenarioPreset } from '../core/generate/scenarioPresets';
import { createTraceGenerator } from '../core/generate/traceGenerator';
import { createTraceIngester } from '../core/ingest/ingestTraces';
import { applyScenarioOverrides } from '../core/simulation/preview/scenarioOverrides';
import { buildTraceDetail } from '../core/simulation/preview/traceDetail';
import { simulateStore } from '../core/simulation/simulateStore';
import type { TraceOutcome } from '../core/simulation/simulationResult';
import { buildTraceTable, traceTableBuffers } from '../core/simulation/traceTable';
import { groupByTrace, traceRows, type TraceGroups } from '../core/telemetry/groupByTrace';
import { createSpanStore, traceIdHex, trimSpanStore, type SpanStore } from '../core/telemetry/spanStore';
import type { DataSource, DatasetInfo, FileReport, RunInput } from '../core/simulation/preview/previewTypes';
import type { SimulationRequest, SimulationResponse } from './simulationProtocol';

export interface HostOptions {
  readonly post: (message: SimulationResponse, transfer: Transferable[]) => void;
  readonly yieldNow: () => Promise<void>;
  /** Reads a bundled sample (the worker fetches it from the same origin). */
  readonly fetchBytes?: (url: string) => Promise<Blob>;
}

class Cancelled extends Error {}

/** Completed runs the host keeps answering trace requests for (the current and a baseline). */
const KEPT_RUNS = 2;

interface CompletedRun {
  readonly outcomes: readonly TraceOutcome[];
  readonly dataset: Dataset;
}

interface Dataset {
  readonly store: SpanStore;
  readonly info: DatasetInfo;
  groups: TraceGroups | null;
  byTraceId: Map<string, number> | null;
}

export function createSimulationHost(options: HostOptions) {
  const { post, yieldNow } = options;
  let dataset: Dataset | null = null;
  let active = 0;
  const cancelled = new Set<number>();
  /**
   * The last completed runs by request id (newest last): their outcomes (for verdicts) and the
   * dataset each ran on. A trace request names its run, so a row is never explained with another
   * run's verdicts; two are kept because the page shows a kept baseline's run beside the current one.
   */
  const runs = new Map<number, CompletedRun>();

  const checkpoint = async (requestId: number) => {
    await yieldNow();
    if (cancelled.has(requestId) || active !== requestId) throw new Cancelled();
  };

  async function generate(requestId: number, source: Extract<DataSource, { kind: 'scenario' }>): Promise<Dataset> {
    const preset = findScenarioPreset(source.presetId);
    if (!preset) throw new Error(`unknown scenario ${source.presetId}`);
    const settings = applyScenarioOverrides(preset.settings, source);
    const store = createSpanStore(Math.max(1024, source.traceCount * 12));
    const gen = createTraceGenerator(settings, source.seed, source.traceCount);
    // Same chunking as generateIntoStore, so the data equals the CLI's bit for bit.
    while (!gen.done) {
      gen.next(store, 2000);
      post({ type: 'load-progress', requestId, progress: { done: gen.traces, total: gen.total, unit: 'traces', spans: gen.spans } }, []);
      await checkpoint(requestId);
    }
    trimSpanStore(store);
    return { store, groups: null, byTraceId: null, info: { label: `${preset.title.replace(/ \(default\)$/, '')} scenario, seed ${source.seed}`, spans: gen.spans, traces: gen.traces, files: [] } };
  }

  async function ingest(requestId: number, files: readonly { name: string; blob: Blob }[], label: string): Promise<Dataset> {
    const store = createSpanStore();
    const total = files.reduce((n, f) => n + f.blob.size, 0);
    let before = 0;
    const reports: FileReport[] = [];
    for (const file of files) {
      let bytes = 0;
      const ingester = createTraceIngester({ fileName: file.name, store });
      const reader = file.blob.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          ingester.write(value);
          bytes += value.length;
          post({ type: 'load-progress', requestId, progress: { done: before + bytes, total, unit: 'bytes', spans: store.count } }, []);
          await checkpoint(requestId);
        }
      } finally {
        reader.releaseLock();
      }
      const result = ingester.end();
      const spans = result.spans;
      before += file.blob.size;
      reports.push({
        name: file.name,
        format: result.format,
        bytes: result.bytes,
        spans,
        ok: result.ok,
        ...(result.fatal ? { fatal: result.fatal } : {}),
        issues: result.issues.slice(0, 200),
        errorCount: result.errorCount,
        warningCount: result.warningCount,
      });
    }
    trimSpanStore(store);
    const groups = groupByTrace(store);
    return { store, groups, byTraceId: null, info: { label, spans: store.count, traces: groups.traceCount, files: reports } };
  }

  async function load(requestId: number, source: DataSource): Promise<void> {
    let next: Dataset;
    if (source.kind === 'scenario') next = await generate(requestId, source);
    else if (source.kind === 'files') next = await ingest(requestId, source.files, source.files.length === 1 ? source.files[0]!.name : `${source.files.length} files`);
    else {
      if (!options.fetchBytes) throw new Error('bundled samples cannot be read here');
      const blob = await options.fetchBytes(source.url);
      next = await ingest(requestId, [{ name: source.name, blob }], `sample ${source.name}`);
    }
    // Nothing readable (a wrong file kind, an empty file): keep the traces already loaded, so the
    // result on screen still describes the engine's data; the page reports why from `info`.
    if (next.info.spans > 0 || !dataset) {
      dataset = next;
      runs.clear(); // their rows are of the old traces, which the page no longer shows
    }
    post({ type: 'loaded', requestId, dataset: next.info }, []);
  }

  async function run(requestId: number, input: RunInput): Promise<void> {
    if (!dataset) throw new Error('no traces loaded yet');
    const ran = dataset;
    const model = parseConfig(input.text);
    if (isBroken(model)) throw new Error('the YAML does not parse');
    const started = performance.now();
    const total = ran.store.count;
    // The dataset's trace groups serve every run over it (and the trace lookups below).
    ran.groups ??= groupByTrace(ran.store);
    const steps = simulateStore(model, ran.store, 0, total, {
      traceGroups: ran.groups,
      env: input.env,
      exportDelayMs: input.exportDelayMs,
      speed: input.speed,
      stepSpans: Math.max(2000, Math.ceil(total / 40)),
    });
    for (;;) {
      const next = steps.next();
      if (next.done) {
        const { traces, decisionRecords: _records, debugOutput: _debug, ...summary } = next.value.result;
        const table = buildTraceTable(traces);
        runs.set(requestId, { outcomes: traces, dataset: ran });
        for (const id of runs.keys()) if (runs.size > KEPT_RUNS) runs.delete(id);
        post({ type: 'run-done', requestId, result: summary, table, elapsedMs: performance.now() - started }, traceTableBuffers(table));
        return;
      }
      const p = next.value;
      post({ type: 'run-progress', requestId, progress: { spansDone: p.spansDone, spansTotal: p.spansTotal, ...(p.partial ? { partial: p.partial.summary } : {}) } }, []);
      await checkpoint(requestId);
    }
  }

  function trace(requestId: number, runId: number, row: number): void {
    const ran = runs.get(runId);
    if (!ran) throw new Error(`run ${runId} is not held by the engine any more (it was superseded, cancelled or never finished)`);
    const outcome = ran.outcomes[row];
    if (!outcome) return post({ type: 'trace', requestId, detail: null }, []);
    const ds = ran.dataset;
    ds.groups ??= groupByTrace(ds.store);
    if (!ds.byTraceId) {
      const map = new Map<string, number>();
      for (let t = 0; t < ds.groups.traceCount; t++) map.set(traceIdHex(ds.store, ds.groups.firstRow[t]!), t);
      ds.byTraceId = map;
    }
    const group = ds.byTraceId.get(outcome.traceId);
    const rows = group === undefined ? new Uint32Array(0) : traceRows(ds.groups, group);
    post({ type: 'trace', requestId, detail: buildTraceDetail(ds.store, rows, outcome) }, []);
  }

  async function job(requestId: number, work: () => Promise<void>): Promise<void> {
    if (active) cancelled.add(active);
    active = requestId;
    try {
      await work();
    } catch (error) {
      if (error instanceof Cancelled) post({ type: 'cancelled', requestId }, []);
      else post({ type: 'failure', requestId, message: error instanceof Error ? error.message : String(error) }, []);
    } finally {
      cancelled.delete(requestId);
      if (active === requestId) active = 0;
    }
  }

  return {
    handle(request: SimulationRequest): void {
      switch (request.type) {
        case 'load':
          void job(request.requestId, () => load(request.requestId, request.source));
          break;
        case 'run':
          void job(request.requestId, () => run(request.requestId, request.input));
          break;
        case 'trace':
          try {
            trace(request.requestId, request.runId, request.row);
          } catch (error) {
            post({ type: 'failure', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) }, []);
          }
          break;
        case 'cancel':
          cancelled.add(request.requestId);
          break;
      }
    },
  };
}

/** A macrotask turn via MessageChannel (setTimeout(0) is clamped to ≥ 4 ms when nested). */
export function createMessageChannelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  // Node (the inline twin in tests): an open port must not keep the process alive.
  (channel.port1 as unknown as { unref?: () => void }).unref?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}
