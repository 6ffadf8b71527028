/** OTTL error modes (processors-spec §1.10). */
import { ComponentConfigError } from '../simulation/component';

export type ErrorMode = 'ignore' | 'silent' | 'propagate';

/**
 * Parse `error_mode` (case-insensitive). The newest Collector defaults filter, transform and
 * routing to `ignore` (gates `*.defaultErrorModeIgnore`, §0 table).
 */
export function parseErrorMode(id: string, raw: unknown, fallback: ErrorMode = 'ignore'): ErrorMode {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const v = typeof raw === 'string' ? raw.toLowerCase() : '';
  if (v === 'ignore' || v === 'silent' || v === 'propagate') return v;
  throw new ComponentConfigError(id, `unknown error mode ${String(raw)}`);
}
