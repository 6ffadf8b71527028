import { SamplingConfigError } from './samplingConfigError';

const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Parses a Go duration string (`time.ParseDuration`: "300ms", "1.5h", "2h45m", "-1s", "0") and
 * returns it in **milliseconds** (fractional when below 1 ms). Throws a `SamplingConfigError` with
 * Go's wording on malformed input.
 */
export function parseGoDuration(text: string): number {
  const orig = text;
  const invalid = (): never => {
    throw new SamplingConfigError(`time: invalid duration ${JSON.stringify(orig)}`);
  };
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') invalid();
  let totalNs = 0;
  const part = /^(\d*)(?:\.(\d*))?([^\d.]*)/;
  while (s !== '') {
    const m = part.exec(s);
    if (!m || m[0] === '') return invalid();
    const [whole, intDigits = '', fracDigits, unit = ''] = m;
    if (intDigits === '' && (fracDigits === undefined || fracDigits === '')) return invalid();
    if (unit === '') throw new SamplingConfigError(`time: missing unit in duration ${JSON.stringify(orig)}`);
    const scale = UNIT_NS[unit];
    if (scale === undefined) throw new SamplingConfigError(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(orig)}`);
    const value = Number(`${intDigits === '' ? '0' : intDigits}.${fracDigits ?? ''}0`);
    totalNs += value * scale;
    s = s.slice(whole.length);
  }
  if (totalNs > 2 ** 63) return invalid(); // Go: int64 overflow
  return (sign * totalNs) / 1e6;
}
