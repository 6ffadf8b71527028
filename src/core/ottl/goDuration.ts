/**
 * Go `time.ParseDuration` for OTTL `Duration(...)` and the engine's component configs
 * (processors-spec: "durations are Go duration strings"), in the units they want. One parser
 * for the whole core: `validation/goDuration`, which also gives Go's exact error texts.
 */
import { parseGoDuration } from '../validation/goDuration';

/** Parse a Go duration into integer nanoseconds, or an error in Go's words. */
export function parseGoDurationNs(text: string): bigint | { error: string } {
  const parsed = parseGoDuration(text);
  return parsed.ok ? BigInt(Math.round(parsed.nanos)) : { error: parsed.error };
}

/** Parse a Go duration into milliseconds (float), or an error. */
export function parseGoDurationMs(text: string): number | { error: string } {
  const parsed = parseGoDuration(text);
  return parsed.ok ? parsed.nanos / 1e6 : { error: parsed.error };
}
