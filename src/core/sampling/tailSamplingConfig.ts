import { buildPolicy, type BuildPolicyOptions } from './buildPolicy';
import { asConfigObject, checkKeys, readBool, readDurationMs, readInt, readList, readString } from './configFields';
import { SamplingConfigError } from './samplingConfigError';
import type { PolicyEvaluator } from './samplingPolicy';

/** Decoded `tail_sampling` processor config (sampling-spec §2.2). Durations in milliseconds. */
export interface TailSamplingConfig {
  readonly policies: readonly PolicyEvaluator[];
  readonly decisionWaitMs: number;
  readonly decisionWaitAfterRootReceivedMs: number;
  readonly numTraces: number;
  readonly sampledCacheSize: number;
  readonly nonSampledCacheSize: number;
  readonly sampleOnFirstMatch: boolean;
  readonly dropPendingTracesOnShutdown: boolean;
  readonly blockOnOverflow: boolean;
  readonly maximumTraceSizeBytes: number;
  readonly samplingStrategy: 'trace-complete' | 'span-ingest';
  readonly numShards: number;
}

const KEYS = [
  'policies', 'decision_wait', 'decision_wait_after_root_received', 'num_traces', 'expected_new_traces_per_sec', 'decision_cache',
  'sample_on_first_match', 'drop_pending_traces_on_shutdown', 'block_on_overflow', 'maximum_trace_size_bytes', 'sampling_strategy',
  'num_shards', 'tail_storage',
];

export const GATE_TAIL_STORAGE = 'processor.tailsamplingprocessor.tailstorageextension';

/**
 * Decodes and validates a `tail_sampling` block (sampling-spec §2.2): policy names non-empty and
 * unique, unknown types rejected, evaluator errors wrapped as upstream wraps them.
 * Throws `SamplingConfigError`.
 */
export function parseTailSamplingConfig(raw: unknown, options: BuildPolicyOptions): TailSamplingConfig {
  const obj = asConfigObject(raw, 'tail_sampling');
  checkKeys(obj, KEYS, '');
  const cache = asConfigObject(obj.decision_cache, 'decision_cache');
  checkKeys(cache, ['sampled_cache_size', 'non_sampled_cache_size'], 'decision_cache');
  const strategy = readString(obj, 'sampling_strategy', 'trace-complete');
  if (strategy !== 'trace-complete' && strategy !== 'span-ingest') throw new SamplingConfigError(`unknown sampling_strategy "${strategy}"`);
  const numShards = readInt(obj, 'num_shards', 1);
  if (numShards < 1 || numShards > 256) throw new SamplingConfigError(`num_shards must be between 1 and 256, got ${numShards}`);
  const tailStorage = readString(obj, 'tail_storage', '');
  if (tailStorage !== '' && options.featureGates[GATE_TAIL_STORAGE] !== true) {
    throw new SamplingConfigError(`'tail_storage' requires the feature gate ${GATE_TAIL_STORAGE}`);
  }
  if (tailStorage !== '' && numShards > 1) throw new SamplingConfigError("'tail_storage' cannot be used with num_shards > 1");

  const rawPolicies = readList(obj, 'policies');
  const names = new Set<string>();
  const policies: PolicyEvaluator[] = [];
  for (const rp of rawPolicies) {
    const name = readString(asConfigObject(rp, 'policies'), 'name', '');
    if (name === '') throw new SamplingConfigError('policy name cannot be empty');
    if (names.has(name)) throw new SamplingConfigError(`duplicate policy name "${name}"`);
    names.add(name);
    try {
      policies.push(buildPolicy(rp, 'top', options));
    } catch (e) {
      if (e instanceof SamplingConfigError) throw new SamplingConfigError(`failed to create policy evaluator for "${name}": ${e.message}`);
      throw e;
    }
  }
  if (strategy === 'span-ingest') {
    const stateful = policies.find((p) => p.stateful);
    if (stateful) throw new SamplingConfigError(`sampling_strategy "span-ingest" requires all policies to be stateless, but policy "${stateful.name}" is stateful`);
  }
  return {
    policies,
    decisionWaitMs: readDurationMs(obj, 'decision_wait', 30_000),
    decisionWaitAfterRootReceivedMs: readDurationMs(obj, 'decision_wait_after_root_received', 0),
    numTraces: readInt(obj, 'num_traces', 50_000),
    sampledCacheSize: readInt(cache, 'sampled_cache_size', 0),
    nonSampledCacheSize: readInt(cache, 'non_sampled_cache_size', 0),
    sampleOnFirstMatch: readBool(obj, 'sample_on_first_match', false),
    dropPendingTracesOnShutdown: readBool(obj, 'drop_pending_traces_on_shutdown', false),
    blockOnOverflow: readBool(obj, 'block_on_overflow', false),
    maximumTraceSizeBytes: readInt(obj, 'maximum_trace_size_bytes', 0),
    samplingStrategy: strategy,
    numShards,
  };
}
