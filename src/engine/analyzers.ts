/** The analyser the worker and the inline twin share: parse, graph, layout and full validation. */
import { createAnalyzer } from '../core/analysis/analyzeConfig';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { validateConfig } from '../core/validation/validateConfig';

/**
 * Above this size the full validator (a second parse plus every component's rules) takes tens of
 * seconds in a browser; the canvas and the YAML checks still run, and the user is told how to
 * validate the whole file.
 */
export const FULL_VALIDATION_LIMIT = 2_000_000;

function tooLarge(length: number): Diagnostic {
  return {
    severity: 'info',
    message: `This config is ${(length / 1_048_576).toFixed(1)} MiB: the YAML and the pipelines are checked here, the full Collector validation is skipped (above ${FULL_VALIDATION_LIMIT / 1_000_000} MB). Run \`pipeline-studio validate\` on the file for every rule.`,
    range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    stage: 'validate',
    origin: 'studio',
    code: 'validation-skipped-large',
  };
}

export function createFullAnalyzer() {
  return createAnalyzer((input) => {
    if (input.text.length > FULL_VALIDATION_LIMIT) return { diagnostics: [tooLarge(input.text.length)], variables: [] };
    return validateConfig(input.text, { distribution: input.distribution, env: input.env });
  });
}
