import { describe, expect, it } from 'vitest';
import type { OttlConditionCompiler } from './ottlCondition';
import { ottlConditionPolicy } from './ottlConditionPolicy';
import { createTailSampling } from './samplingFactories';
import type { SampledTrace } from './samplingPolicy';
import { testSpan, testTraces } from './testSpans';

function trace(names: string[]): SampledTrace {
  const spans = names.map((name, i) => testSpan({ name, spanId: `${i + 1}`.padStart(16, '0') }));
  return { traceId: 'ef'.repeat(16), batches: testTraces(spans).resourceSpans, spanCount: spans.length, byteSize: () => 0 };
}

/** A failing condition for spans named "bad", true for spans named "hit". */
const fake = {
  text: 'fake',
  evaluate: (_rs: unknown, _ss: unknown, span: { name: string }) => (span.name === 'bad' ? { ok: false as const, error: 'boom' } : { ok: true as const, value: span.name === 'hit' }),
};

describe('ottl_condition policy (sampling-spec §2.4.14)', () => {
  it('propagate: an evaluation error returns Error at once', () => {
    expect(ottlConditionPolicy('o', [fake], [], 'propagate').evaluate(trace(['bad', 'hit']), 0).decision).toBe('Error');
  });

  it('ignore: a failing condition counts as false and evaluation continues', () => {
    expect(ottlConditionPolicy('o', [fake], [], 'ignore').evaluate(trace(['bad', 'hit']), 0).decision).toBe('Sampled');
    expect(ottlConditionPolicy('o', [fake], [], 'silent').evaluate(trace(['bad', 'miss']), 0).decision).toBe('NotSampled');
  });

  it('requires at least one condition', () => {
    expect(() => createTailSampling('t', { policies: [{ name: 'o', type: 'ottl_condition', ottl_condition: {} }] })).toThrow(/expected at least one OTTL condition/);
  });

  it('uses the injected compiler and reports its compile errors as config errors', () => {
    const ottl: OttlConditionCompiler = { span: () => ({ ok: false, error: 'nope' }), spanEvent: () => ({ ok: false, error: 'nope' }) };
    expect(() => createTailSampling('t', { policies: [{ name: 'o', type: 'ottl_condition', ottl_condition: { span: ['x'] } }] }, { ottl })).toThrow(/"o": nope/);
  });

  it('runs real OTTL span conditions through src/core/ottl', () => {
    const p = createTailSampling('t', {
      decision_wait: '1s',
      policies: [{ name: 'o', type: 'ottl_condition', ottl_condition: { span: ['attributes["http.route"] == "/checkout"', 'status.code == STATUS_CODE_ERROR'] } }],
    });
    const hit = testSpan({ traceId: '1'.repeat(32), attributes: new Map([['http.route', { kind: 'string', value: '/checkout' }]]) });
    const err = testSpan({ traceId: '2'.repeat(32), status: { code: 2, message: '' } });
    const miss = testSpan({ traceId: '3'.repeat(32) });
    p.consume(testTraces([hit, err, miss]), 0);
    p.advance(5000);
    expect(p.decisions().map((r) => r.decision)).toEqual(['sampled', 'sampled', 'not_sampled']);
  });
});
