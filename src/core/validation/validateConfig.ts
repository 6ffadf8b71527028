/** The validator's entry for one config text (config-semantics §10). */
import { validateFiles } from './validateFiles';
import type { ValidationOptions, ValidationResult } from './validationTypes';

/**
 * Validates a Collector config as `otelcol validate` would (plus start-up checks and our advice),
 * reporting every problem with its range, stage, the Collector's wording and a docs link.
 * `options.distribution` defaults to `contrib`; `env` gives sample values for `${...}`.
 */
export function validateConfig(text: string, options: ValidationOptions = {}): ValidationResult {
  return validateFiles([{ name: 'config.yaml', text }], options);
}
