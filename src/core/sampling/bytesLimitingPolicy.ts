import type { PolicyEvaluator } from './samplingPolicy';
import { TokenBucket } from './tokenBucket';

/**
 * `bytes_limiting` (sampling-spec §2.4.9): the `rate_limiting` token bucket where a trace costs
 * its OTLP protobuf-encoded size; `burst_capacity` <= 0 defaults to 2 × bytes_per_second.
 */
export function bytesLimitingPolicy(name: string, bytesPerSecond: number, burstCapacity: number): PolicyEvaluator {
  const burst = burstCapacity <= 0 ? 2 * bytesPerSecond : burstCapacity;
  const bucket = new TokenBucket(bytesPerSecond, burst);
  return {
    name,
    type: 'bytes_limiting',
    stateful: true,
    evaluate(trace, nowMs) {
      const bytes = trace.byteSize();
      const ok = bucket.allowN(Math.round(nowMs * 1e6), bytes);
      return ok
        ? { decision: 'Sampled', detail: `${bytes} bytes within ${bytesPerSecond} B/s (burst ${burst})` }
        : { decision: 'NotSampled', detail: `${bytes} bytes exceed the ${bytesPerSecond} B/s budget (burst ${burst})` };
    },
  };
}
