/**
 * The page's handle on the simulation engine. It owns the worker, numbers requests, drops
 * replies to superseded ones (a slow run of old text never lands over a newer one), cancels,
 * and reports progress through callbacks. The inline twin (`inlineSimulationClient.ts`) uses
 * the same implementation over an in-process host.
 */
import type { TraceDetail } from '../core/simulation/preview/traceDetail';
import type { TraceTable } from '../core/simulation/traceTable';
import type { DataSource, DatasetInfo, LoadProgress, RunInput, RunProgress, RunSummary } from '../core/simulation/preview/previewTypes';
import type { SimulationRequest, SimulationResponse } from './simulationProtocol';

export interface RunOutcome {
  /** Names this run in `trace` requests (the engine answers from the run a row belongs to). */
  readonly runId: number;
  readonly result: RunSummary;
  readonly table: TraceTable;
  readonly elapsedMs: number;
}

export interface SimulationClient {
  /**
   * Replaces the engine's traces, unless nothing could be read (`spans: 0`): the engine then keeps
   * the traces it had. Resolves null when cancelled or superseded.
   */
  load(source: DataSource, onProgress?: (p: LoadProgress) => void): Promise<DatasetInfo | null>;
  /** Runs a config over the loaded traces. Resolves null when cancelled or superseded; rejects on an engine error. */
  run(input: RunInput, onProgress?: (p: RunProgress) => void): Promise<RunOutcome | null>;
  /**
   * One trace of a completed run (`RunOutcome.runId`), by its table row. Resolves null when
   * superseded or the row is unknown; rejects when the engine no longer holds that run.
   */
  trace(runId: number, row: number): Promise<TraceDetail | null>;
  /** Cancels the load or run in progress (its promise resolves null). */
  cancel(): void;
  dispose(): void;
}

interface Waiter {
  readonly kind: 'job' | 'trace';
  resolve(value: unknown): void;
  reject(error: Error): void;
  progress?: (p: never) => void;
}

/** A client over any transport that delivers `SimulationRequest`s and calls `receive` with replies. */
export function createSimulationClient(send: (request: SimulationRequest) => void, onDispose: () => void = () => {}) {
  let nextId = 0;
  let job = 0;
  let traceId = 0;
  const waiters = new Map<number, Waiter>();

  const settle = (id: number, value: unknown) => {
    const w = waiters.get(id);
    waiters.delete(id);
    w?.resolve(value);
  };

  function receive(reply: SimulationResponse): void {
    const w = waiters.get(reply.requestId);
    if (!w) return; // stale: superseded or cancelled
    switch (reply.type) {
      case 'load-progress':
      case 'run-progress':
        (w.progress as ((p: unknown) => void) | undefined)?.(reply.progress);
        return;
      case 'loaded':
        return settle(reply.requestId, reply.dataset);
      case 'run-done':
        return settle(reply.requestId, { runId: reply.requestId, result: reply.result, table: reply.table, elapsedMs: reply.elapsedMs } satisfies RunOutcome);
      case 'trace':
        return settle(reply.requestId, reply.detail);
      case 'cancelled':
        return settle(reply.requestId, null);
      case 'failure':
        waiters.delete(reply.requestId);
        return w.reject(new Error(reply.message));
    }
  }

  function startJob<T>(make: (id: number) => SimulationRequest, progress?: (p: never) => void): Promise<T | null> {
    if (job) settle(job, null); // the engine cancels the older job itself
    const id = ++nextId;
    job = id;
    return new Promise<T | null>((resolve, reject) => {
      waiters.set(id, { kind: 'job', resolve: resolve as (v: unknown) => void, reject, ...(progress ? { progress } : {}) });
      send(make(id));
    });
  }

  const client: SimulationClient = {
    load(source, onProgress) {
      return startJob<DatasetInfo>((requestId) => ({ type: 'load', requestId, source }), onProgress as ((p: never) => void) | undefined);
    },
    run(input, onProgress) {
      return startJob<RunOutcome>((requestId) => ({ type: 'run', requestId, input }), onProgress as ((p: never) => void) | undefined);
    },
    trace(runId, row) {
      if (traceId) settle(traceId, null);
      const id = ++nextId;
      traceId = id;
      return new Promise<TraceDetail | null>((resolve, reject) => {
        waiters.set(id, { kind: 'trace', resolve: resolve as (v: unknown) => void, reject });
        send({ type: 'trace', requestId: id, runId, row });
      });
    },
    cancel() {
      if (!job) return;
      const id = job;
      job = 0;
      send({ type: 'cancel', requestId: id });
      settle(id, null);
    },
    dispose() {
      for (const id of [...waiters.keys()]) settle(id, null);
      onDispose();
    },
  };
  return { client, receive, failAll: (message: string) => {
    for (const [id, w] of [...waiters]) {
      waiters.delete(id);
      w.reject(new Error(message));
    }
  } };
}

/** Runs the engine in a module worker. */
export function createWorkerSimulationClient(): SimulationClient {
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  const { client, receive, failAll } = createSimulationClient(
    (request) => worker.postMessage(request),
    () => worker.terminate(),
  );
  worker.onmessage = (event: MessageEvent<SimulationResponse>) => receive(event.data);
  worker.onerror = (event) => failAll(event.message || 'simulation worker failed');
  return client;
}
