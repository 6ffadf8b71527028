import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './parseGoDuration';

describe('parseGoDuration (Go time.ParseDuration, in milliseconds)', () => {
  it('parses single and compound units', () => {
    expect(parseGoDuration('10s')).toBe(10_000);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('300ms')).toBe(300);
    expect(parseGoDuration('250us')).toBe(0.25);
  });

  it('accepts a bare 0 and a sign', () => {
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-2s')).toBe(-2000);
  });

  it('rejects a number without unit, unknown units and garbage with Go wording', () => {
    expect(() => parseGoDuration('10')).toThrow('time: missing unit in duration "10"');
    expect(() => parseGoDuration('10d')).toThrow('time: unknown unit "d" in duration "10d"');
    expect(() => parseGoDuration('s')).toThrow('time: invalid duration "s"');
    expect(() => parseGoDuration('')).toThrow('time: invalid duration ""');
  });
});
