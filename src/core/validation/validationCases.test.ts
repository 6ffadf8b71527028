import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runValidationCases, type ValidationCase } from './validationCaseRunner';

const dir = new URL('../../../reference/spec/validation-cases/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as ValidationCase[];
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

describe('Collector validation cases (reference/spec/validation-cases)', () => {
  it('loads all 133 cases', () => {
    expect(cases).toHaveLength(133);
  });
  for (const c of cases) {
    const id = c.file.replace(/\.yaml$/, '');
    const what = c.valid ? 'accepts it' : `rejects it with ${c.expectedErrors.map((e) => JSON.stringify(e)).join(', ')}`;
    it(`${id}: ${what}`, () => {
      const [outcome] = runValidationCases([c], read);
      expect(outcome?.message ?? '').toBe('');
      expect(outcome?.passed).toBe(true);
    });
  }
});
