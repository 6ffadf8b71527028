import { describe, expect, it } from 'vitest';
import { ComponentConfigError } from '../simulation/component';
import { hashSeedRValue, hashSeedScaledRate } from './probabilisticSampler';
import { createProbabilisticSampler } from './samplingFactories';
import { testSpan, testTraces } from './testSpans';

describe('probabilistic_sampler (sampling-spec §3)', () => {
  it('hash_seed: 10% is 1638 buckets (t-value e668), 33.333…% is 5461 (aaac)', () => {
    expect(hashSeedScaledRate(Math.fround(10))).toBe(1638);
    expect(hashSeedScaledRate(Math.fround(100 / 3))).toBe(5461);
  });

  it('hash_seed: YAML 65.802 is scaled as the float32 65.802001953125 (§3.1)', () => {
    expect(hashSeedScaledRate(Math.fround(65.802))).toBe(10781);
  });

  it('hash_seed: a kept span gets ot=rv:<hash randomness>;th:<threshold>', () => {
    const s = createProbabilisticSampler('p', { mode: 'hash_seed', sampling_percentage: 50, hash_seed: 0 });
    const out = s.sampleSpan(testSpan({ traceId: '37ad0e4d5cbecab1b4fa4d5ba1d57e19' }));
    expect(out).toEqual({ sampled: true, traceState: 'ot=rv:f8b4380a0101d2;th:8' });
  });

  it('hash_seed: rv has (16383 − bucket) in its top 14 bits and the bucket in its low 14', () => {
    const rv = BigInt(`0x${hashSeedRValue(0x12345678)}`);
    expect(Number(rv >> 42n)).toBe(16383 - (0x12345678 & 0x3fff));
    expect(Number(rv & 0x3fffn)).toBe(0x12345678 & 0x3fff);
  });

  it('fail_closed defaults to true: an incoming th in hash_seed mode drops the span', () => {
    const s = createProbabilisticSampler('p', { sampling_percentage: 100 });
    expect(s.sampleSpan(testSpan({ traceState: 'ot=th:0' }))).toMatchObject({ sampled: false, error: 'item has sampling threshold, equalizing or proportional mode recommended' });
  });

  it('equalizing: an arriving stricter threshold is kept unchanged', () => {
    const s = createProbabilisticSampler('p', { mode: 'equalizing', sampling_percentage: 50, fail_closed: false });
    expect(s.sampleSpan(testSpan({ traceId: 'ffffffffffffffffffffffffffffffff', traceState: 'ot=th:c' })).traceState).toBe('ot=th:c');
  });

  it('sampling.priority 0 drops and > 0 keeps regardless of the percentage', () => {
    const keep = createProbabilisticSampler('p', { mode: 'proportional', sampling_percentage: 0 });
    expect(keep.sampleSpan(testSpan({ attributes: new Map([['sampling.priority', { kind: 'double', value: 2 }]]) })).sampled).toBe(true);
    const drop = createProbabilisticSampler('p', { mode: 'proportional', sampling_percentage: 100 });
    expect(drop.sampleSpan(testSpan({ attributes: new Map([['sampling.priority', { kind: 'string', value: '0' }]]) })).sampled).toBe(false);
  });

  it('consume removes emptied scopes and resources and leaves the input untouched', () => {
    const s = createProbabilisticSampler('p', { mode: 'equalizing', sampling_percentage: 50 });
    const input = testTraces([testSpan({ traceId: '0000000000000000000000000000ffff', spanId: '0000000000000001' })]);
    expect(s.consume(input, 0).emitted).toHaveLength(0);
    const kept = s.consume(testTraces([testSpan({ traceId: 'ffffffffffffffffffffffffffffffff' })]), 0);
    expect(kept.emitted[0]?.data.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceState).toBe('ot=th:8');
    expect(input.resourceSpans[0]?.scopeSpans[0]?.spans).toHaveLength(1);
  });

  it('rejects sampling_precision 0 and > 14, negative percentages and unknown modes (§3.1)', () => {
    expect(() => createProbabilisticSampler('p', { sampling_precision: 0 })).toThrow('invalid sampling precision: 0');
    expect(() => createProbabilisticSampler('p', { sampling_precision: 15 })).toThrow('sampling precision is too great, should be <= 14: 15');
    expect(() => createProbabilisticSampler('p', { sampling_percentage: -1 })).toThrow(ComponentConfigError);
    expect(() => createProbabilisticSampler('p', { mode: 'random' })).toThrow(/unsupported sampler mode/);
    expect(() => createProbabilisticSampler('p', { sampling_percentage: 1e-20 })).toThrow(/sampling rate is too small/);
  });
});
