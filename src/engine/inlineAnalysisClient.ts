/** The in-process twin of the analysis worker, for tests and browsers without workers (style.md #10). */
import type { AnalysisClient } from './analysisClient';
import { createFullAnalyzer } from './analyzers';

/** The synchronous twin for tests and for environments without workers (style.md #10). */
export function createInlineAnalysisClient(): AnalysisClient {
  const analyze = createFullAnalyzer();
  let latest = 0;
  return {
    async analyze(input) {
      const requestId = ++latest;
      const started = performance.now();
      await Promise.resolve();
      if (requestId !== latest) return null;
      const analysis = analyze(input);
      return { analysis, elapsedMs: performance.now() - started };
    },
    dispose() {},
  };
}
