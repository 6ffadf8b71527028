import { describe, expect, it } from 'vitest';
import schemas from '../../core/validation/generated/componentSchemas.json';
import { checkFieldValue } from './checkFieldValue';

const all = schemas as Record<string, Record<string, unknown>>;
const batch = (name: string, value: unknown, config: unknown = { timeout: '5s' }) => checkFieldValue('processor', 'batch', all['processor:batch'], config, name, value);

describe('checkFieldValue: what the form refuses to write, in the Collector words', () => {
  it('accepts values the Collector accepts', () => {
    expect(batch('send_batch_size', 4096)).toBeNull();
    expect(batch('timeout', '250ms')).toBeNull();
    expect(batch('timeout', undefined)).toBeNull();
  });

  it('refuses a negative count for an unsigned field', () => {
    expect(batch('send_batch_size', -1)).toBe("'send_batch_size' cannot parse value as 'uint32': -1 overflows uint");
  });

  it('refuses a duration Go cannot parse', () => {
    expect(batch('timeout', 'soon')).toBe("'timeout' time: invalid duration");
  });

  it("refuses a negative timeout with the batch processor's own rule", () => {
    expect(batch('timeout', '-5s')).toBe('timeout must be greater or equal to 0');
  });

  it('leaves cross-field problems to the validator', () => {
    expect(batch('send_batch_size', 9000, { send_batch_max_size: 100 })).toBeNull();
  });

  it('lets ${env:...} placeholders through: only the environment decides them', () => {
    expect(batch('timeout', '${env:BATCH_TIMEOUT}')).toBeNull();
  });

  it('checks enum-like values through the rule (debug verbosity none)', () => {
    expect(checkFieldValue('exporter', 'debug', all['exporter:debug'], {}, 'verbosity', 'none')).toBe('verbosity level "None" is not supported');
  });
});
