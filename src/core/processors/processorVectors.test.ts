import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectProcessorVectorFile, runProcessorVectorFile } from './processorVectors';

const dir = join(__dirname, '../../../reference/spec/processor-vectors');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe.each(files)('processor vectors %s', (file) => {
  const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const outcomes = runProcessorVectorFile(json);
  it('is a processor-vector file', () => expect(detectProcessorVectorFile(json)).toBe(true));
  it.each(outcomes.map((o) => [o.id, o] as const))('%s', (_id, outcome) => {
    expect(outcome.message ?? '').toBe('');
    expect(outcome.passed).toBe(true);
  });
});

it('counts 94 vectors across the corpus', () => {
  const total = files.reduce((n, f) => n + runProcessorVectorFile(JSON.parse(readFileSync(join(dir, f), 'utf8'))).length, 0);
  expect(total).toBe(94);
});
