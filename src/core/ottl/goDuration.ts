/**
 * Go `time.ParseDuration` ("300ms", "1h30m", "-1.5s", "2us"); used by OTTL `Duration(...)` and by
 * every component config that takes a duration (processors-spec: "durations are Go duration
 * strings").
 */

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };

/** Parse a Go duration into integer nanoseconds, or an error in Go's words. */
export function parseGoDurationNs(text: string): bigint | { error: string } {
  const bad = { error: `time: invalid duration "${text}"` };
  let s = text;
  let sign = 1n;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1n;
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return bad;
  let total = 0;
  const re = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let pos = 0;
  while (pos < s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) {
      return /^[\d.]+$/.test(s.slice(pos)) ? { error: `time: missing unit in duration "${text}"` } : bad;
    }
    total += Number(m[1]) * (UNITS[m[2] ?? ''] ?? 0);
    pos = re.lastIndex;
  }
  return sign * BigInt(Math.round(total));
}

/** Parse a Go duration into milliseconds (float), or an error. */
export function parseGoDurationMs(text: string): number | { error: string } {
  const ns = parseGoDurationNs(text);
  return typeof ns === 'bigint' ? Number(ns) / 1e6 : ns;
}
