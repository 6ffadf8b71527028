/**
 * Go `time.ParseDuration`, so duration fields are checked the way mapstructure's
 * `StringToTimeDurationHookFunc` checks them (config-semantics §5.2).
 */

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Nanoseconds, or Go's error text (`time: invalid duration "x"`, `time: unknown unit "u" in duration "x"`). */
export function parseGoDuration(text: string): { ok: true; nanos: number } | { ok: false; error: string } {
  const quoted = JSON.stringify(text);
  const invalid = { ok: false as const, error: `time: invalid duration ${quoted}` };
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanos: 0 };
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const num = /^(\d*)(\.(\d*))?/.exec(s);
    if (!num || (num[1] === '' && (num[3] ?? '') === '')) return invalid;
    s = s.slice(num[0].length);
    const unit = /^[^\d.]+/.exec(s)?.[0] ?? '';
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${quoted}` };
    const factor = UNITS[unit];
    if (factor === undefined) return { ok: false, error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    s = s.slice(unit.length);
    total += Number(`${num[1] || '0'}.${num[3] ?? '0'}`) * factor;
  }
  return { ok: true, nanos: sign * total };
}

/**
 * The duration decode error as the Collector prints it: its decoder keeps the text up to the
 * last space of Go's message, so `time: invalid duration "fast"` becomes `time: invalid duration`.
 */
export function durationDecodeError(text: string): string | null {
  const parsed = parseGoDuration(text);
  if (parsed.ok) return null;
  const cut = parsed.error.lastIndexOf(' ');
  return cut > 0 ? parsed.error.slice(0, cut) : parsed.error;
}

/** Reads a decoded duration field (Go string or integer nanoseconds); null when absent or invalid. */
export function durationNanos(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const parsed = parseGoDuration(value);
  return parsed.ok ? parsed.nanos : null;
}
