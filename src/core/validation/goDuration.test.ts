import { describe, expect, it } from 'vitest';
import { durationDecodeError, parseGoDuration } from './goDuration';

describe('Go durations (config-semantics §5.2)', () => {
  it('parses Go duration strings to nanoseconds', () => {
    expect(parseGoDuration('200ms')).toEqual({ ok: true, nanos: 2e8 });
    expect(parseGoDuration('1m30s')).toEqual({ ok: true, nanos: 90e9 });
    expect(parseGoDuration('1.5h')).toEqual({ ok: true, nanos: 5400e9 });
    expect(parseGoDuration('-1s')).toEqual({ ok: true, nanos: -1e9 });
    expect(parseGoDuration('0')).toEqual({ ok: true, nanos: 0 });
  });

  it('f10: cuts Go\'s message at its last space, as the Collector\'s decoder does', () => {
    expect(durationDecodeError('fast')).toBe('time: invalid duration');
    expect(durationDecodeError('5sec')).toBe('time: unknown unit "sec" in duration');
    expect(durationDecodeError('10')).toBe('time: missing unit in duration');
    expect(durationDecodeError('5s')).toBeNull();
  });
});
