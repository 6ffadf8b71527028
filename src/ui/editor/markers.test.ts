import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics/diagnostic';
import { minimalEdit, toMarkers } from './markers';

const at = (line: number, column: number, offset = 0) => ({ line, column, offset });

describe('toMarkers', () => {
  it('keeps the Collector wording and marks our advice as ours', () => {
    const diagnostics: Diagnostic[] = [
      { severity: 'error', message: 'service must have at least one pipeline', range: { start: at(3, 1), end: at(3, 8) }, stage: 'validate', origin: 'collector', code: 'x' },
      { severity: 'warning', message: 'memory_limiter should be first', range: { start: at(5, 3), end: at(5, 3) }, stage: 'advice', origin: 'studio', code: 'y' },
      { severity: 'info', message: 'no range', range: null, stage: 'parse', origin: 'studio', code: 'z' },
    ];
    const markers = toMarkers(diagnostics);
    expect(markers).toHaveLength(2);
    expect(markers[0]).toMatchObject({ message: 'service must have at least one pipeline', source: 'otelcol', startLineNumber: 3 });
    expect(markers[1]).toMatchObject({ message: 'memory_limiter should be first (Pipeline Studio advice)', source: 'Pipeline Studio', endColumn: 4 });
  });
});

describe('toMarkers limits', () => {
  it('keeps at most the limit, errors first', () => {
    const d = (severity: 'error' | 'warning', i: number): Diagnostic => ({ severity, message: `m${i}`, range: { start: at(i + 1, 1), end: at(i + 1, 2) }, stage: 'validate', origin: 'collector', code: 'x' });
    const markers = toMarkers([d('warning', 0), d('warning', 1), d('error', 2)], 2);
    expect(markers.map((m) => m.message)).toEqual(['m2', 'm0']);
  });
});

describe('minimalEdit', () => {
  it('replaces only the changed middle', () => {
    expect(minimalEdit('receivers: [otlp]\n', 'receivers: [otlp, kafka]\n')).toEqual({ start: 16, end: 16, text: ', kafka' });
  });
  it('returns null for equal texts', () => {
    expect(minimalEdit('a', 'a')).toBeNull();
  });
  it('handles a full replacement', () => {
    expect(minimalEdit('abc', 'xyz')).toEqual({ start: 0, end: 3, text: 'xyz' });
  });
});
