import { describe, expect, it } from 'vitest';
import { frexpExponent, hex56, parseRValue, parseTValue, probabilityToThreshold, thresholdToTValue } from './samplingThreshold';

describe('OTEP 235 thresholds (sampling-spec §3.4)', () => {
  it('probability 1 is threshold 0, t-value "0"', () => {
    expect(probabilityToThreshold(1, 4)).toBe(0n);
    expect(thresholdToTValue(0n)).toBe('0');
  });

  it('precision 0 means full precision (14 digits)', () => {
    expect(probabilityToThreshold(1 / 3, 0)).toBe(probabilityToThreshold(1 / 3, 14));
  });

  it('rounds to the requested hex digits: 1/3 at precision 3 is aab', () => {
    const t = probabilityToThreshold(1 / 3, 3);
    expect(t === undefined ? '' : thresholdToTValue(t)).toBe('aab');
  });

  it('adds precision near 1: 99.99992370605469% at precision 10 keeps leading zeros', () => {
    const t = probabilityToThreshold(99.99992370605469 / 100, 10);
    expect(t === undefined ? '' : thresholdToTValue(t)).toBe('00000cccccccd');
  });

  it('rejects probabilities outside [2^-56, 1]', () => {
    expect(probabilityToThreshold(0, 4)).toBeUndefined();
    expect(probabilityToThreshold(1.5, 4)).toBeUndefined();
    expect(probabilityToThreshold(2 ** -57, 4)).toBeUndefined();
  });

  it('frexp exponents match Go for 1, 0.5 and 0.25', () => {
    expect([frexpExponent(1), frexpExponent(0.5), frexpExponent(0.25), frexpExponent(0.75)]).toEqual([1, 0, -1, 0]);
  });

  it('t-values are right-padded; more than 14 digits or non-hex is an error', () => {
    const t = parseTValue('8');
    expect(t.ok && hex56(t.value)).toBe('80000000000000');
    expect(parseTValue('1234567890abcde')).toEqual({ ok: false, error: 't-value exceeds 14 hex digits' });
    expect(parseTValue('0x8').ok).toBe(false);
  });

  it('r-values need exactly 14 hex digits', () => {
    expect(parseRValue('123')).toEqual({ ok: false, error: 'r-value must have 14 hex digits' });
    expect(parseRValue('FD70A3D70A3D71').ok).toBe(true);
  });
});
