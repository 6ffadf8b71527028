import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSamplingVectorFile, runSamplingVectorFile } from './samplingVectors';

const dir = join(__dirname, '../../../reference/spec/sampling-vectors');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('sampling vectors', () => {
  it('finds all seven vector files', () => {
    expect(files).toHaveLength(7);
  });

  for (const file of files) {
    describe(file, () => {
      const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      it('is detected as a sampling vector file', () => {
        expect(detectSamplingVectorFile(json)).toBe(true);
      });
      const results = runSamplingVectorFile(file, json);
      it('yields cases', () => {
        expect(results.length).toBeGreaterThan(0);
      });
      it.each(results.map((r) => [r.id, r] as const))('%s', (_id, r) => {
        expect(r.message ?? '').toBe('');
        expect(r.passed).toBe(true);
      });
    });
  }
});
