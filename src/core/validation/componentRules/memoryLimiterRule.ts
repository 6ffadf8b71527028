/** `memory_limiter` processor and extension, checks in the Collector's order (config-semantics §6.3). */
import type { ComponentRule } from './componentRule';

const S = 1e9;

export const memoryLimiterRule: ComponentRule = {
  validate(cfg, issue) {
    const check = cfg.duration(['check_interval']) ?? 0;
    if (cfg.opaque(['check_interval'])) return;
    if (check <= 0) return issue("'check_interval' must be greater than zero", ['check_interval']);
    const minSoft = cfg.duration(['min_gc_interval_when_soft_limited']) ?? 10 * S;
    const minHard = cfg.duration(['min_gc_interval_when_hard_limited']) ?? 0;
    const maxSoft = cfg.duration(['max_gc_interval_when_soft_limited']) ?? 30 * S;
    const maxHard = cfg.duration(['max_gc_interval_when_hard_limited']) ?? 30 * S;
    if (minSoft < minHard) return issue("'min_gc_interval_when_soft_limited' should be larger than 'min_gc_interval_when_hard_limited'", ['min_gc_interval_when_soft_limited']);
    if (maxSoft < 0) return issue("'max_gc_interval_when_soft_limited' must be non-negative", ['max_gc_interval_when_soft_limited']);
    if (maxHard < 0) return issue("'max_gc_interval_when_hard_limited' must be non-negative", ['max_gc_interval_when_hard_limited']);
    if (maxSoft > 0 && maxSoft < minSoft) {
      return issue("'max_gc_interval_when_soft_limited' must be greater than or equal to 'min_gc_interval_when_soft_limited' (or 0 to disable)", ['max_gc_interval_when_soft_limited']);
    }
    if (maxHard > 0 && maxHard < minHard) {
      return issue("'max_gc_interval_when_hard_limited' must be greater than or equal to 'min_gc_interval_when_hard_limited' (or 0 to disable)", ['max_gc_interval_when_hard_limited']);
    }
    if (maxSoft > 0 && maxHard > 0 && maxSoft < maxHard) {
      return issue("'max_gc_interval_when_soft_limited' should be larger than or equal to 'max_gc_interval_when_hard_limited' (when both are set)", ['max_gc_interval_when_soft_limited']);
    }
    if (cfg.opaque(['limit_mib']) || cfg.opaque(['limit_percentage'])) return;
    const limitMib = cfg.num(['limit_mib']) ?? 0;
    const spikeMib = cfg.num(['spike_limit_mib']) ?? 0;
    const limitPct = cfg.num(['limit_percentage']) ?? 0;
    const spikePct = cfg.num(['spike_limit_percentage']) ?? 0;
    if (limitMib <= 0 && limitPct <= 0) return issue("'limit_mib' or 'limit_percentage' must be greater than zero", ['limit_mib']);
    if (limitPct > 100 || spikePct > 100) {
      return issue("'limit_percentage' and 'spike_limit_percentage' must be greater than zero and less than or equal to hundred", [limitPct > 100 ? 'limit_percentage' : 'spike_limit_percentage']);
    }
    if (limitMib > 0 && spikeMib >= limitMib) return issue("'spike_limit_mib' must be smaller than 'limit_mib'", ['spike_limit_mib']);
    if (limitPct > 0 && spikePct >= limitPct) return issue("'spike_limit_percentage' must be smaller than 'limit_percentage'", ['spike_limit_percentage']);
  },
};
