const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

/**
 * Go's `strconv.ParseFloat(s, 64)` for the forms clients send as `sampling.priority` strings:
 * decimal floats, `inf`/`infinity`/`nan` in any case. Returns `undefined` where Go returns an
 * error (syntax, or a finite literal overflowing to ±Inf).
 */
export function parseGoFloat(text: string): number | undefined {
  if (SPECIAL.test(text)) {
    const lower = text.toLowerCase().replace(/^[+-]/, '');
    if (lower === 'nan') return Number.NaN;
    return text.startsWith('-') ? -Infinity : Infinity;
  }
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
