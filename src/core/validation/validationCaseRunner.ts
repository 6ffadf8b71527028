/**
 * Runs the Collector validation cases (`reference/spec/validation-cases/cases.json`): a case
 * passes when "valid" matches "no errors" and every expected substring appears in some error
 * message. Pure: the caller supplies file reading, so tests and the CLI share it.
 */
import { validateConfig } from './validateConfig';

export interface ValidationCase {
  readonly file: string;
  readonly valid: boolean;
  readonly expectedErrors: readonly string[];
  readonly note?: string;
}

export interface CaseOutcome {
  readonly id: string;
  readonly passed: boolean;
  readonly message?: string;
}

/** Whether a parsed JSON value looks like a validation-cases table. */
export function isValidationCaseList(json: unknown): json is ValidationCase[] {
  return Array.isArray(json) && json.length > 0 && json.every((c) => typeof c === 'object' && c !== null && typeof c.file === 'string' && typeof c.valid === 'boolean' && Array.isArray(c.expectedErrors));
}

/** Runs every case; `readFile` returns a case file's text by name. */
export function runValidationCases(cases: readonly ValidationCase[], readFile: (name: string) => string): CaseOutcome[] {
  return cases.map((c) => {
    const id = c.file.replace(/\.ya?ml$/, '');
    let text: string;
    try {
      text = readFile(c.file);
    } catch (error) {
      return { id, passed: false, message: `cannot read ${c.file}: ${error instanceof Error ? error.message : String(error)}` };
    }
    const result = validateConfig(text, { distribution: 'contrib' });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    if (c.valid && errors.length > 0) return { id, passed: false, message: `expected valid, got: ${errors.join(' | ')}` };
    if (!c.valid && errors.length === 0) return { id, passed: false, message: 'expected errors, got none' };
    const missing = c.expectedErrors.filter((e) => !errors.some((m) => m.includes(e)));
    if (missing.length > 0) return { id, passed: false, message: `missing ${missing.map((m) => JSON.stringify(m)).join(', ')}; got: ${errors.join(' | ')}` };
    return { id, passed: true };
  });
}
