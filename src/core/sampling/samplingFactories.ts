import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import type { OttlConditionCompiler } from './ottlCondition';
import { defaultOttlConditionCompiler } from './ottlCondition';
import { ProbabilisticSampler } from './probabilisticSampler';
import { parseProbabilisticSamplerConfig } from './probabilisticSamplerConfig';
import { SamplingConfigError } from './samplingConfigError';
import { parseTailSamplingConfig } from './tailSamplingConfig';
import { TailSamplingProcessor } from './tailSamplingProcessor';

/** Optional environment for the sampling factories. */
export interface SamplingFactoryOptions {
  /** Collector feature gates switched from their defaults, by id (sampling-spec §2.3). */
  readonly featureGates?: Readonly<Record<string, boolean>>;
  /** OTTL condition compiler for `ottl_condition` (defaults to `src/core/ottl`). */
  readonly ottl?: OttlConditionCompiler;
}

function withConfigErrors<T>(id: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof SamplingConfigError) throw new ComponentConfigError(id, e.message);
    throw e;
  }
}

/**
 * Creates a `probabilistic_sampler` from the plain JS value of its YAML block (sampling-spec §3).
 * Throws `ComponentConfigError` when the Collector would reject the config.
 */
export function createProbabilisticSampler(id: string, config: unknown): ProbabilisticSampler {
  return withConfigErrors(id, () => new ProbabilisticSampler(id, parseProbabilisticSamplerConfig(config)));
}

/**
 * Creates a `tail_sampling` processor from the plain JS value of its YAML block (sampling-spec §2).
 * Throws `ComponentConfigError` for duplicate names, unknown types, invalid policy settings.
 */
export function createTailSampling(id: string, config: unknown, options: SamplingFactoryOptions = {}): TailSamplingProcessor {
  const featureGates = options.featureGates ?? {};
  return withConfigErrors(id, () => {
    const parsed = parseTailSamplingConfig(config, { featureGates, ottl: options.ottl ?? defaultOttlConditionCompiler(featureGates) });
    return new TailSamplingProcessor(id, parsed, featureGates);
  });
}

/** Factories the pipeline runner looks components up in, keyed by component type. */
export const samplingFactories: Record<string, (id: string, config: unknown, options?: SamplingFactoryOptions) => TracesComponent> = {
  probabilistic_sampler: (id, config) => createProbabilisticSampler(id, config),
  tail_sampling: (id, config, options) => createTailSampling(id, config, options),
};
