import type { PolicyEvaluator } from './samplingPolicy';

/** `always_sample` (sampling-spec §2.4.1): every trace is Sampled. */
export function alwaysSamplePolicy(name: string): PolicyEvaluator {
  const result = { decision: 'Sampled', detail: 'always_sample' } as const;
  return { name, type: 'always_sample', stateful: false, evaluate: () => result };
}
