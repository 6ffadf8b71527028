import { describe, expect, it } from 'vitest';
import { ComponentConfigError, type Emission } from '../simulation/component';
import { createTailSampling } from './samplingFactories';
import { GATE_RECORD_POLICY } from './tailSamplingProcessor';
import { testSpan, testTraces } from './testSpans';

const T1 = '000000000000000000000000000000a1';
const T2 = '000000000000000000000000000000a2';
const T3 = '000000000000000000000000000000a3';

function spanIds(emissions: readonly Emission[]): string[] {
  return emissions.flatMap((e) => e.data.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.spanId))));
}

const errorsOnly = { decision_wait: '1s', policies: [{ name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } }] };

describe('tail_sampling processor (sampling-spec §2.1)', () => {
  it('decides a trace at tick k + max(1, decision_wait s) after its first span (§2.1.3)', () => {
    const p = createTailSampling('tail_sampling', { ...errorsOnly, decision_wait: '2.9s' });
    p.consume(testTraces([testSpan({ traceId: T1, spanId: '1'.padStart(16, '0'), status: { code: 2, message: '' } })]), 1500);
    expect(p.advance(3999).emitted).toHaveLength(0);
    const out = p.advance(4000).emitted;
    expect(spanIds(out)).toEqual(['0000000000000001']);
    expect(out[0]?.atMs).toBe(4000);
    expect(p.decisions()).toMatchObject([{ traceId: T1, decision: 'sampled', decidedAtMs: 4000, lateSpans: 0, evicted: false }]);
  });

  it('records each policy verdict with a readable detail', () => {
    const p = createTailSampling('tail_sampling', {
      decision_wait: '1s',
      policies: [
        { name: 'slow', type: 'latency', latency: { threshold_ms: 1000 } },
        { name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } },
      ],
    });
    p.consume(testTraces([testSpan({ traceId: T1, startTimeUnixNano: 1_000_000_000n, endTimeUnixNano: 1_130_000_000n })]), 0);
    p.advance(5000);
    expect(p.decisions()[0]?.policies).toEqual([
      { policy: 'slow', verdict: 'NotSampled', detail: 'latency 130 ms <= threshold 1000 ms' },
      { policy: 'errors', verdict: 'NotSampled', detail: 'no span has status in ERROR' },
    ]);
  });

  it('a sampled decision cache forwards late spans immediately and frees the trace (§2.1.4)', () => {
    const p = createTailSampling('tail_sampling', { decision_wait: '1s', decision_cache: { sampled_cache_size: 10 }, num_traces: 1, policies: [{ name: 'all', type: 'always_sample' }] });
    p.consume(testTraces([testSpan({ traceId: T1, spanId: '1'.padStart(16, '0') })]), 0);
    p.advance(2000);
    // The trace left memory, so a new trace does not evict anything...
    p.consume(testTraces([testSpan({ traceId: T2, spanId: '2'.padStart(16, '0') })]), 2100);
    // ...and a late span of T1 is released from the cache at once.
    const late = p.consume(testTraces([testSpan({ traceId: T1, spanId: '3'.padStart(16, '0') })]), 2200);
    expect(spanIds(late.emitted)).toEqual(['0000000000000003']);
    expect(p.decisions().find((r) => r.traceId === T1)?.lateSpans).toBe(1);
    expect(p.decisions().some((r) => r.evicted)).toBe(false);
  });

  it('num_traces full: the oldest undecided trace is evicted without a decision (§2.1.2)', () => {
    const p = createTailSampling('tail_sampling', { decision_wait: '1s', num_traces: 2, policies: [{ name: 'all', type: 'always_sample' }] });
    p.consume(testTraces([testSpan({ traceId: T1, spanId: '1'.padStart(16, '0') })]), 100);
    p.consume(testTraces([testSpan({ traceId: T2, spanId: '2'.padStart(16, '0') })]), 200);
    p.consume(testTraces([testSpan({ traceId: T3, spanId: '3'.padStart(16, '0') })]), 300);
    expect(spanIds(p.advance(2000).emitted)).toEqual(['0000000000000002', '0000000000000003']);
    const evicted = p.decisions().find((r) => r.traceId === T1);
    expect(evicted?.evicted).toBe(true);
    expect(evicted?.decidedAtMs).toBeNaN();
  });

  it('decision_wait_after_root_received moves a trace to an earlier tick when its root arrives (§2.1.3)', () => {
    const p = createTailSampling('tail_sampling', { decision_wait: '30s', decision_wait_after_root_received: '2s', policies: [{ name: 'all', type: 'always_sample' }] });
    p.consume(testTraces([testSpan({ traceId: T1, parentSpanId: '00000000000000ff' })]), 100);
    expect(p.advance(5000).emitted).toHaveLength(0);
    p.consume(testTraces([testSpan({ traceId: T1, spanId: '00000000000000ff', parentSpanId: '' })]), 5100);
    expect(spanIds(p.advance(8000).emitted)).toHaveLength(2);
    expect(p.decisions()[0]?.decidedAtMs).toBe(8000);
  });

  it('flush decides pending traces with the data so far unless drop_pending_traces_on_shutdown (§2.1.7)', () => {
    const keep = createTailSampling('tail_sampling', { policies: [{ name: 'all', type: 'always_sample' }] });
    keep.consume(testTraces([testSpan({ traceId: T1 })]), 0);
    expect(spanIds(keep.flush(10).emitted)).toHaveLength(1);
    const drop = createTailSampling('tail_sampling', { drop_pending_traces_on_shutdown: true, policies: [{ name: 'all', type: 'always_sample' }] });
    drop.consume(testTraces([testSpan({ traceId: T1 })]), 0);
    expect(drop.flush(10).emitted).toHaveLength(0);
  });

  it('the recordpolicy gate adds tailsampling.policy to the forwarded scope (§2.3)', () => {
    const p = createTailSampling('tail_sampling', { decision_wait: '1s', policies: [{ name: 'all', type: 'always_sample' }] }, { featureGates: { [GATE_RECORD_POLICY]: true } });
    p.consume(testTraces([testSpan({ traceId: T1 })]), 0);
    const scope = p.advance(2000).emitted[0]?.data.resourceSpans[0]?.scopeSpans[0]?.scope;
    expect(scope?.attributes.get('tailsampling.policy')).toEqual({ kind: 'string', value: 'all' });
  });

  it('rejects an empty policy name, span-ingest with a rate limiter and an unknown key', () => {
    expect(() => createTailSampling('t', { policies: [{ type: 'always_sample' }] })).toThrow(ComponentConfigError);
    expect(() => createTailSampling('t', { sampling_strategy: 'span-ingest', policies: [{ name: 'rl', type: 'rate_limiting', rate_limiting: { spans_per_second: 1 } }] })).toThrow(
      'sampling_strategy "span-ingest" requires all policies to be stateless, but policy "rl" is stateful',
    );
    expect(() => createTailSampling('t', { policies: [{ name: 'l', type: 'latency', latency: { threshold: 1 } }] })).toThrow(/has invalid keys: threshold/);
  });

  it('rejects an invalid regex at start-up instead of at evaluation (#43735)', () => {
    expect(() =>
      createTailSampling('t', { policies: [{ name: 's', type: 'string_attribute', string_attribute: { key: 'k', values: ['a(?=b)'], enabled_regex_matching: true } }] }),
    ).toThrow(/failed to create policy evaluator for "s": error parsing regexp/);
  });
});
