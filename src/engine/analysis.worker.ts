/// <reference lib="webworker" />
// Wiring only: messages in, core out (style.md #9).
import type { Analysis } from '../core/analysis/analyzeConfig';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';
import { createFullAnalyzer } from './analyzers';

const analyze = createFullAnalyzer();

/**
 * Cloning tens of thousands of component bodies back to the page costs it half a second on a
 * 5 MB config; the page needs them only for the inspector, which reads the text itself. Above
 * 1 MB the bodies stay in the worker.
 */
function slim(analysis: Analysis, textLength: number): Analysis {
  if (textLength < 1_000_000) return analysis;
  return { ...analysis, model: { ...analysis.model, components: analysis.model.components.map((c) => ({ ...c, config: undefined })) } };
}
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  const started = performance.now();
  let reply: AnalysisResponse;
  try {
    reply = { type: 'analysis', requestId: request.requestId, analysis: slim(analyze(request.input), request.input.text.length), elapsedMs: performance.now() - started };
  } catch (error) {
    reply = { type: 'failure', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
