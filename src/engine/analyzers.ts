/** The analyser the worker and the inline twin share: parse, graph, layout and full validation. */
import { createAnalyzer } from '../core/analysis/analyzeConfig';
import { validateConfig } from '../core/validation/validateConfig';

export function createFullAnalyzer() {
  return createAnalyzer((input) => validateConfig(input.text, { distribution: input.distribution, env: input.env }));
}
