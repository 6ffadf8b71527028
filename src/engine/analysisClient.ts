/**
 * The page's handle on config analysis. The latest request wins: replies to older requests are
 * dropped, so a slow analysis of old text is never drawn over a newer one (sync-design.md).
 */
import type { Analysis, AnalysisInput } from '../core/analysis/analyzeConfig';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';

export interface AnalysisOutcome {
  readonly analysis: Analysis;
  readonly elapsedMs: number;
}

export interface AnalysisClient {
  /** Resolves with the analysis, or with null when a newer request superseded this one. */
  analyze(input: AnalysisInput): Promise<AnalysisOutcome | null>;
  dispose(): void;
}

/** Runs analysis in a module worker. */
export function createWorkerAnalysisClient(): AnalysisClient {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  let latest = 0;
  const pending = new Map<number, { resolve: (o: AnalysisOutcome | null) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
    const reply = event.data;
    const waiter = pending.get(reply.requestId);
    pending.delete(reply.requestId);
    if (!waiter) return;
    if (reply.requestId !== latest) return waiter.resolve(null);
    if (reply.type === 'failure') return waiter.reject(new Error(reply.message));
    waiter.resolve({ analysis: reply.analysis, elapsedMs: reply.elapsedMs });
  };
  worker.onerror = (event) => {
    for (const waiter of pending.values()) waiter.reject(new Error(event.message || 'analysis worker failed'));
    pending.clear();
  };
  return {
    analyze(input) {
      const requestId = ++latest;
      // Older requests still in flight will resolve as superseded.
      for (const [id, waiter] of pending) {
        if (id !== requestId) {
          waiter.resolve(null);
          pending.delete(id);
        }
      }
      return new Promise((resolve, reject) => {
        pending.set(requestId, { resolve, reject });
        const request: AnalysisRequest = { type: 'analyze', requestId, input };
        worker.postMessage(request);
      });
    },
    dispose() {
      worker.terminate();
      pending.clear();
    },
  };
}
