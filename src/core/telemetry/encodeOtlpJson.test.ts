import { describe, expect, it } from 'vitest';
import { ingestTraces } from '../ingest/ingestTraces';
import type { TracesData } from './pdata';
import { tracesOf } from '../simulation/testTraces';
import { encodeOtlpJson } from './encodeOtlpJson';

describe('encodeOtlpJson', () => {
  it('writes what our own ingest reads back to the same spans', async () => {
    const data = tracesOf([
      { traceId: 'ab', spanId: '1', startMs: 1_700_000_000_000, durationMs: 12, error: true, attributes: { 'http.route': '/a', retries: 3 } },
      { traceId: 'ab', spanId: '2', parentSpanId: '1', startMs: 1_700_000_000_001, durationMs: 5, service: 'db' },
    ]);
    const bytes = new TextEncoder().encode(JSON.stringify(encodeOtlpJson(data)));
    const back: TracesData[] = [];
    const result = await ingestTraces([bytes], { onData: (d) => back.push(d) });
    expect(result.ok).toBe(true);
    expect(result.format).toBe('otlp-json');
    const spans = back.flatMap((d) => d.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)));
    expect(spans.map((s) => [s.traceId, s.spanId, s.parentSpanId, s.status.code, s.endTimeUnixNano - s.startTimeUnixNano])).toEqual([
      ['000000000000000000000000000000ab', '0000000000000001', '', 2, 12_000_000n],
      ['000000000000000000000000000000ab', '0000000000000002', '0000000000000001', 0, 5_000_000n],
    ]);
    expect(spans[0]?.attributes.get('retries')).toEqual({ kind: 'int', value: 3n });
  });
});
