import { evaluateAll } from './andPolicy';
import type { PolicyEvaluator } from './samplingPolicy';

/**
 * `drop` (sampling-spec §2.4.17): evaluated like `and`, but all-matched yields Dropped. The
 * processor evaluates top-level drop policies before all others (§2.5).
 */
export function dropPolicy(name: string, subs: readonly PolicyEvaluator[]): PolicyEvaluator {
  return {
    name,
    type: 'drop',
    stateful: subs.some((s) => s.stateful),
    evaluate: (trace, nowMs) => evaluateAll(subs, 'Dropped', trace, nowMs),
  };
}
