import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { nodeIo, type CliIo } from '../io';

function capture(): CliIo & { stdout: string } {
  const io = { ...nodeIo, stdout: '', out(text: string) { io.stdout += `${text}\n`; }, err() {} };
  return io;
}

describe('pipeline-studio conformance over the reference vectors (same runners as the unit tests)', () => {
  for (const [dir, count] of [
    ['reference/spec/validation-cases', 133],
    ['reference/spec/processor-vectors', 94],
    ['reference/spec/sampling-vectors', 638],
  ] as const) {
    it(`${dir}: every case passes`, async () => {
      const io = capture();
      expect(await main(['conformance', dir], io)).toBe(0);
      expect(io.stdout.trim().split('\n').at(-1)).toBe(`${count} passed, 0 failed`);
      expect(io.stdout).not.toMatch(/^FAIL /m);
    });
  }
});
