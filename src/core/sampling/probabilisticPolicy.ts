import { fnv1a64Prefix, fnv1a64TraceId, type Fnv64State } from './fnv1a64';
import { utf8Bytes } from './hexNibble';
import { MIN_SAMPLING_PROBABILITY, NEVER_SAMPLE_THRESHOLD, hex56, traceIdRandomness } from './samplingThreshold';
import type { PolicyEvaluator, PolicyResult, SampledTrace } from './samplingPolicy';
import { tailProbabilisticThreshold } from './tailProbabilisticThreshold';
import { parseW3CTraceState } from './w3cTraceState';

export const DEFAULT_HASH_SALT = 'default-hash-seed';

/** Reused output of the 64-bit hash: [high 32 bits, low 32 bits]. */
const scratch = new Float64Array(2);

/**
 * The tail `probabilistic` policy's randomness under the `usetracestate` gate (§2.4.6): the first
 * valid `ot` rv of the trace, else (only th seen) the trace ID's last 56 bits; `undefined` when no
 * span carries OTel sampling information (the FNV rule then applies).
 */
function traceStateRandomness(trace: SampledTrace): bigint | undefined {
  let rv: bigint | undefined;
  let seen = false;
  for (const rs of trace.batches) {
    for (const ss of rs.scopeSpans) {
      for (const span of ss.spans) {
        if (span.traceState === '') continue;
        const parsed = parseW3CTraceState(span.traceState);
        if (!parsed.ok) continue; // a span whose tracestate fails to parse is skipped
        const ot = parsed.state.ot;
        if (ot.rvalue !== '' || ot.tvalue !== '') seen = true;
        if (rv === undefined && ot.rvalue !== '') rv = ot.randomness;
      }
    }
  }
  if (!seen) return undefined;
  return rv ?? traceIdRandomness(trace.traceId);
}

/**
 * `probabilistic` (sampling-spec §2.4.6): FNV-1a-64 over the salt and the 16 trace-ID bytes,
 * Sampled iff `hash <= threshold`. With `useTraceState` (gate
 * `processor.tailsamplingprocessor.usetracestate`), OTEP 235 randomness from the spans wins.
 */
export function probabilisticPolicy(name: string, hashSalt: string, samplingPercentage: number, useTraceState = false): PolicyEvaluator {
  const salt = hashSalt === '' ? DEFAULT_HASH_SALT : hashSalt;
  const prefix: Fnv64State = fnv1a64Prefix(utf8Bytes(salt));
  const ratio = samplingPercentage / 100;
  const threshold = tailProbabilisticThreshold(ratio);
  const tHi = Number(threshold >> 32n);
  const tLo = Number(threshold & 0xffffffffn);
  // OTEP 235 threshold at full precision for the usetracestate path.
  const otThreshold =
    ratio >= 1 ? 0n : !(ratio >= MIN_SAMPLING_PROBABILITY) ? NEVER_SAMPLE_THRESHOLD : (1n << 56n) - BigInt(Math.round(ratio * 2 ** 56));
  const sampledResult: PolicyResult = { decision: 'Sampled', detail: `hash <= threshold for ${samplingPercentage}% (salt ${JSON.stringify(salt)})` };
  const notSampledResult: PolicyResult = { decision: 'NotSampled', detail: `hash > threshold for ${samplingPercentage}% (salt ${JSON.stringify(salt)})` };
  return {
    name,
    type: 'probabilistic',
    stateful: false,
    evaluate(trace): PolicyResult {
      if (useTraceState) {
        const rnd = traceStateRandomness(trace);
        if (rnd !== undefined) {
          const sampled = otThreshold <= rnd;
          return {
            decision: sampled ? 'Sampled' : 'NotSampled',
            detail: `ot randomness ${hex56(rnd)} ${sampled ? '>=' : '<'} threshold ${otThreshold >= NEVER_SAMPLE_THRESHOLD ? 'never' : hex56(otThreshold)} (${samplingPercentage}%)`,
          };
        }
      }
      fnv1a64TraceId(prefix, trace.traceId, scratch);
      const hi = scratch[0] ?? 0;
      const lo = scratch[1] ?? 0;
      return hi < tHi || (hi === tHi && lo <= tLo) ? sampledResult : notSampledResult;
    },
  };
}

