import type { PolicyEvaluator } from './samplingPolicy';
import { TokenBucket } from './tokenBucket';

/**
 * `rate_limiting` (sampling-spec §2.4.8): token bucket of `burst_capacity` (<= 0 → 2 ×
 * spans_per_second) refilled at `spans_per_second`; a trace costs its span count. Stateful: tokens
 * are spent only when the policy is actually evaluated.
 */
export function rateLimitingPolicy(name: string, spansPerSecond: number, burstCapacity: number): PolicyEvaluator {
  const burst = burstCapacity <= 0 ? 2 * spansPerSecond : burstCapacity;
  const bucket = new TokenBucket(spansPerSecond, burst);
  return {
    name,
    type: 'rate_limiting',
    stateful: true,
    evaluate(trace, nowMs) {
      const nowNs = Math.round(nowMs * 1e6);
      const before = bucket.available(nowNs);
      const ok = bucket.allowN(nowNs, trace.spanCount);
      const tokens = Math.floor(before * 100) / 100;
      return ok
        ? { decision: 'Sampled', detail: `${trace.spanCount} spans taken from ${tokens} tokens (${spansPerSecond}/s, burst ${burst})` }
        : { decision: 'NotSampled', detail: `${trace.spanCount} spans exceed ${tokens} tokens (${spansPerSecond}/s, burst ${burst})` };
    },
  };
}
