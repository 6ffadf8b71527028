import type { Span } from '../telemetry/pdata';
import { resultsByValue, type PolicyEvaluator, type PolicyResult } from './samplingPolicy';

/**
 * `latency` (sampling-spec §2.4.2): running earliest start / latest end over the spans in order
 * (a 0 timestamp is "unset" and replaced by the next span's), duration truncated to whole ms after
 * each span. No upper bound: Sampled iff `d_ms > threshold_ms` (exclusive since v0.157, PR #49595).
 * With an upper bound: `threshold_ms < d_ms <= upper_threshold_ms`, first satisfying prefix wins —
 * so the result depends on span order (issue #43948).
 */
export function latencyPolicy(name: string, thresholdMs: bigint, upperThresholdMs: bigint): PolicyEvaluator {
  const bounded = upperThresholdMs !== 0n;
  const range = bounded ? `(${thresholdMs}, ${upperThresholdMs}] ms` : '';
  // Unbounded results, one per whole-ms duration seen (traces of a run share a few thousand).
  const sampledAt = resultsByValue((ms: bigint): PolicyResult => ({ decision: 'Sampled', detail: `latency ${ms} ms > threshold ${thresholdMs} ms` }));
  const notSampledAt = resultsByValue((ms: bigint): PolicyResult => ({ decision: 'NotSampled', detail: `latency ${ms} ms <= threshold ${thresholdMs} ms` }));
  return {
    name,
    type: 'latency',
    // With an upper bound a longer span could still arrive, so span-ingest rejects it (§2.1).
    stateful: bounded,
    evaluate(trace): PolicyResult {
      let minTime = 0n;
      let maxTime = 0n;
      let lastMs = 0n;
      let seen = false;
      let matched = false;
      const visit = (span: Span): boolean => {
        let changed = !seen;
        seen = true;
        if (minTime === 0n || span.startTimeUnixNano < minTime) {
          minTime = span.startTimeUnixNano;
          changed = true;
        }
        if (maxTime === 0n || span.endTimeUnixNano > maxTime) {
          maxTime = span.endTimeUnixNano;
          changed = true;
        }
        // BigInt division truncates toward zero, like Go's Duration.Milliseconds().
        if (changed) lastMs = (maxTime - minTime) / 1_000_000n;
        matched = bounded ? thresholdMs < lastMs && lastMs <= upperThresholdMs : lastMs > thresholdMs;
        return matched;
      };
      outer: for (const rs of trace.batches) {
        for (const ss of rs.scopeSpans) {
          for (const span of ss.spans) if (visit(span)) break outer;
        }
      }
      if (bounded) {
        return matched
          ? { decision: 'Sampled', detail: `latency ${lastMs} ms within ${range}` }
          : { decision: 'NotSampled', detail: `latency ${lastMs} ms outside ${range} for every span prefix` };
      }
      return matched ? sampledAt(lastMs) : notSampledAt(lastMs);
    },
  };
}
