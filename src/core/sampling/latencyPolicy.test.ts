import { describe, expect, it } from 'vitest';
import { latencyPolicy } from './latencyPolicy';
import type { SampledTrace } from './samplingPolicy';
import { testSpan, testTraces } from './testSpans';

const MS = 1_000_000n;

function trace(...durations: [bigint, bigint][]): SampledTrace {
  const spans = durations.map(([start, end], i) => testSpan({ spanId: `${i}`.padStart(16, '0'), startTimeUnixNano: start * MS, endTimeUnixNano: end * MS }));
  return { traceId: 'ab'.repeat(16), batches: testTraces(spans).resourceSpans, spanCount: spans.length, byteSize: () => 0 };
}

describe('latency policy (sampling-spec §2.4.2)', () => {
  it('latency: exactly the threshold is not sampled (exclusive bound, §2.4.2)', () => {
    const r = latencyPolicy('lat', 1000n, 0n).evaluate(trace([100n, 1100n]), 0);
    expect(r.decision).toBe('NotSampled');
    expect(r.detail).toBe('latency 1000 ms <= threshold 1000 ms');
  });

  it('latency: one millisecond above the threshold is sampled', () => {
    expect(latencyPolicy('lat', 1000n, 0n).evaluate(trace([100n, 1101n]), 0)).toMatchObject({ decision: 'Sampled', detail: 'latency 1001 ms > threshold 1000 ms' });
  });

  it('latency: the duration spans the earliest start to the latest end over all spans', () => {
    expect(latencyPolicy('lat', 1000n, 0n).evaluate(trace([100n, 700n], [600n, 1300n]), 0).decision).toBe('Sampled');
  });

  it('latency: with an upper bound the first span prefix inside the bounds samples (order dependent, issue #43948)', () => {
    const p = latencyPolicy('lat', 5000n, 10000n);
    expect(p.evaluate(trace([100n, 6100n], [100n, 12100n]), 0).decision).toBe('Sampled');
    expect(p.evaluate(trace([100n, 12100n], [100n, 6100n]), 0).decision).toBe('NotSampled');
  });

  it('latency: a 0 start timestamp is "unset" and replaced by the next span', () => {
    // Span 1 starts at 0 (unset); span 2 resets the earliest start to 5000 ms, so d = 6000 - 5000.
    const t = trace([0n, 1000n], [5000n, 6000n]);
    expect(latencyPolicy('lat', 2000n, 0n).evaluate(t, 0).detail).toBe('latency 1000 ms <= threshold 2000 ms');
  });

  it('latency: only a bounded latency policy reports itself stateful (span-ingest rejects it)', () => {
    expect(latencyPolicy('a', 1n, 0n).stateful).toBe(false);
    expect(latencyPolicy('b', 1n, 5n).stateful).toBe(true);
  });
});
