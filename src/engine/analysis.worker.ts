/// <reference lib="webworker" />
// Wiring only: messages in, core out (style.md #9).
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';
import { createFullAnalyzer } from './analyzers';

const analyze = createFullAnalyzer();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  const started = performance.now();
  let reply: AnalysisResponse;
  try {
    reply = { type: 'analysis', requestId: request.requestId, analysis: analyze(request.input), elapsedMs: performance.now() - started };
  } catch (error) {
    reply = { type: 'failure', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
