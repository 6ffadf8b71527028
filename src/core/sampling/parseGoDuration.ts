import { parseGoDuration as parseDuration } from '../validation/goDuration';
import { SamplingConfigError } from './samplingConfigError';

/**
 * Parses a Go duration string (`time.ParseDuration`: "300ms", "1.5h", "2h45m", "-1s", "0") and
 * returns it in **milliseconds** (fractional when below 1 ms). Throws a `SamplingConfigError` with
 * Go's wording on malformed input. The parsing itself is the validator's (`validation/goDuration`).
 */
export function parseGoDuration(text: string): number {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new SamplingConfigError(parsed.error);
  // Go: int64 overflow is an invalid duration.
  if (Math.abs(parsed.nanos) > 2 ** 63) throw new SamplingConfigError(`time: invalid duration ${JSON.stringify(text)}`);
  return parsed.nanos / 1e6;
}
