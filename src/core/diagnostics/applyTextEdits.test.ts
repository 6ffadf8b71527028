import { describe, expect, it } from 'vitest';
import { applyTextEdits } from './applyTextEdits';

describe('applyTextEdits', () => {
  it('applies several edits given in any order', () => {
    expect(applyTextEdits('exporters: [otlp]\nx: otlp\n', [
      { from: 12, to: 16, insert: 'otlp_grpc' },
      { from: 21, to: 25, insert: 'otlp_grpc' },
    ])).toEqual({ ok: true, text: 'exporters: [otlp_grpc]\nx: otlp_grpc\n' });
  });
  it('refuses overlapping edits', () => {
    expect(applyTextEdits('abcdef', [{ from: 0, to: 3, insert: 'x' }, { from: 2, to: 4, insert: 'y' }]).ok).toBe(false);
  });
  it('refuses edits past the end of the text (a fix for an older text)', () => {
    expect(applyTextEdits('abc', [{ from: 2, to: 9, insert: 'x' }]).ok).toBe(false);
  });
});
