import { describe, expect, it } from 'vitest';
import schemas from '../../core/validation/generated/componentSchemas.json';
import { formFields, parseFieldValue } from './formFields';

const batch = (schemas as Record<string, Record<string, unknown>>)['processor:batch'];

describe('formFields: schema → form field model', () => {
  it('one field per setting, defaults as placeholders, descriptions, current values', () => {
    const fields = formFields(batch, { timeout: '5s' });
    const timeout = fields.find((f) => f.name === 'timeout')!;
    expect(timeout).toMatchObject({ control: 'text', placeholder: '200ms', value: '5s', set: true });
    expect(timeout.description).toMatch(/Send a batch/);
    expect(fields.find((f) => f.name === 'send_batch_size')).toMatchObject({ control: 'integer', placeholder: '8192', value: '', set: false });
    expect(fields.find((f) => f.name === 'metadata_keys')!.control).toBe('nested');
  });

  it('enums become selects', () => {
    const fields = formFields({ properties: { mode: { type: ['string', 'null'], enum: ['a', 'b', null] } } }, null);
    expect(fields[0]).toMatchObject({ control: 'enum', options: ['a', 'b'] });
  });

  it('no schema: no fields (raw YAML only)', () => {
    expect(formFields(undefined, {})).toEqual([]);
  });

  it('parses typed values; empty clears the setting', () => {
    expect(parseFieldValue({ control: 'integer' }, '12')).toEqual({ ok: true, value: 12 });
    expect(parseFieldValue({ control: 'integer' }, '1.5').ok).toBe(false);
    expect(parseFieldValue({ control: 'text' }, '')).toEqual({ ok: true, value: undefined });
    expect(parseFieldValue({ control: 'boolean' }, 'true')).toEqual({ ok: true, value: true });
  });
});
