/** `batch` processor (config-semantics §6.3; defaults send_batch_size 8192, timeout 200ms). */
import type { ComponentRule } from './componentRule';

export const batchProcessorRule: ComponentRule = {
  validate(cfg, issue) {
    const max = cfg.num(['send_batch_max_size']) ?? 0;
    const size = cfg.num(['send_batch_size']) ?? 8192;
    if (max > 0 && max < size) issue('send_batch_max_size must be greater or equal to send_batch_size', ['send_batch_max_size']);
    const seen = new Set<string>();
    (cfg.list(['metadata_keys']) ?? []).forEach((k, i) => {
      if (typeof k !== 'string') return;
      const lower = k.toLowerCase();
      if (seen.has(lower)) issue(`duplicate entry in metadata_keys: ${JSON.stringify(lower)} (case-insensitive)`, ['metadata_keys', i]);
      seen.add(lower);
    });
    const timeout = cfg.duration(['timeout']);
    if (timeout !== undefined && timeout < 0) issue('timeout must be greater or equal to 0', ['timeout']);
  },
};
