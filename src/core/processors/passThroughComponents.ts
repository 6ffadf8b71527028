/** forward connector and memory_limiter processor: data passes unchanged (processors-spec §3.8, §4.1). */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import { configObject, durationField, numberField } from './configReader';
import { statelessProcessor } from './statelessProcessor';

/** forward: the payload goes unchanged to every pipeline that lists the connector (fan-out copies are the runner's). */
export function createForwardConnector(id: string, config: unknown): TracesComponent {
  configObject(id, config);
  return statelessProcessor(id, (data) => ({ data }));
}

/**
 * memory_limiter: validated like the Collector, then a pass-through; memory is not simulated,
 * which the first result says in an `info` issue.
 */
export function createMemoryLimiterProcessor(id: string, config: unknown): TracesComponent {
  const o = configObject(id, config);
  const interval = durationField(id, o, 'check_interval', 0);
  if (interval <= 0) throw new ComponentConfigError(id, "'check_interval' must be greater than zero");
  const limit = numberField(id, o, 'limit_mib', 0);
  const percentage = numberField(id, o, 'limit_percentage', 0);
  if (limit <= 0 && percentage <= 0) throw new ComponentConfigError(id, "'limit_mib' or 'limit_percentage' must be greater than zero");
  const spike = numberField(id, o, 'spike_limit_mib', limit * 0.2);
  if (limit > 0 && spike >= limit) throw new ComponentConfigError(id, "'spike_limit_mib' must be smaller than 'limit_mib'");
  const spikePct = numberField(id, o, 'spike_limit_percentage', 0);
  if (percentage > 0 && (percentage > 100 || spikePct >= percentage))
    throw new ComponentConfigError(id, "'limit_percentage' and 'spike_limit_percentage' must be greater than zero and less than or equal to hundred");
  let noted = false;
  return statelessProcessor(id, (data) => {
    if (noted) return { data };
    noted = true;
    return { data, issues: [{ severity: 'info', message: 'memory_limiter: memory is not simulated in the preview; data passes through unchanged' }] };
  });
}
