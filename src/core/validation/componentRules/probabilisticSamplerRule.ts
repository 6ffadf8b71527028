/** `probabilistic_sampler` processor (config-semantics §6.4). */
import { goFloat, goG } from '../goFormat';
import type { ComponentRule } from './componentRule';

const MODES = ['', 'hash_seed', 'equalizing', 'proportional'];

export const probabilisticSamplerRule: ComponentRule = {
  decode(cfg, issue) {
    const mode = cfg.str(['mode']);
    if (mode !== undefined && !MODES.includes(mode)) issue(`unsupported sampler mode ${JSON.stringify(mode)}`, ['mode']);
  },
  validate(cfg, issue) {
    const pct = cfg.num(['sampling_percentage']) ?? 0;
    const ratio = pct / 100;
    if (!Number.isFinite(pct)) issue(`sampling rate is invalid: ${goFloat(pct)}%`, ['sampling_percentage']);
    else if (pct < 0) issue(`sampling rate is negative: ${goFloat(pct)}%`, ['sampling_percentage']);
    else if (ratio !== 0 && ratio < 2 ** -56) issue(`sampling rate is too small: ${goG(pct)}%`, ['sampling_percentage']);
    const source = cfg.str(['attribute_source']);
    if (source !== undefined && source !== '' && source !== 'traceID' && source !== 'record') {
      issue(`invalid attribute source: ${source}. Expected: traceID or record`, ['attribute_source']);
    }
    const precision = cfg.num(['sampling_precision']);
    if (precision === 0) issue('invalid sampling precision: 0', ['sampling_precision']);
    else if (precision !== undefined && precision > 14) issue(`sampling precision is too great, should be <= 14: ${precision}`, ['sampling_precision']);
  },
};
