import { asConfigObject, checkKeys, readBool, readInt, readNumber, readString } from './configFields';
import { SamplingConfigError } from './samplingConfigError';
import { MIN_SAMPLING_PROBABILITY } from './samplingThreshold';

export type SamplerMode = 'hash_seed' | 'equalizing' | 'proportional';

/** Decoded and validated `probabilistic_sampler` config (sampling-spec §3.1). */
export interface ProbabilisticSamplerConfig {
  /** float32 value of `sampling_percentage` (a YAML 65.802 is 65.802001953125). */
  readonly samplingPercentage: number;
  /** Effective mode: unset picks `hash_seed` (§3.1). */
  readonly mode: SamplerMode;
  readonly hashSeed: number;
  readonly failClosed: boolean;
  readonly samplingPrecision: number;
}

const KEYS = ['sampling_percentage', 'hash_seed', 'mode', 'fail_closed', 'sampling_precision', 'attribute_source', 'from_attribute', 'sampling_priority'];

/**
 * Decodes the YAML value of a `probabilistic_sampler` block and applies the Collector's
 * `Validate()` rules (§3.1). Throws `SamplingConfigError`.
 */
export function parseProbabilisticSamplerConfig(raw: unknown): ProbabilisticSamplerConfig {
  const obj = asConfigObject(raw, 'probabilistic_sampler');
  checkKeys(obj, KEYS, '');
  const pct = Math.fround(readNumber(obj, 'sampling_percentage', 0));
  const modeText = readString(obj, 'mode', '');
  if (modeText !== '' && modeText !== 'hash_seed' && modeText !== 'equalizing' && modeText !== 'proportional') {
    throw new SamplingConfigError(`unsupported sampler mode "${modeText}"`);
  }
  const hashSeed = readInt(obj, 'hash_seed', 0);
  if (hashSeed < 0 || hashSeed > 0xffffffff) throw new SamplingConfigError(`'hash_seed' must be a uint32, got ${hashSeed}`);
  const failClosed = readBool(obj, 'fail_closed', true);
  const precision = readInt(obj, 'sampling_precision', 4);
  const attributeSource = readString(obj, 'attribute_source', 'traceID');
  readString(obj, 'from_attribute', '');
  readString(obj, 'sampling_priority', '');

  // config.go Validate (§3.1).
  if (!Number.isFinite(pct)) throw new SamplingConfigError(`sampling rate is invalid: ${pct}%`);
  const ratio = pct / 100;
  if (ratio < 0) throw new SamplingConfigError(`sampling rate is negative: ${pct}%`);
  if (ratio > 0 && ratio < MIN_SAMPLING_PROBABILITY) throw new SamplingConfigError(`sampling rate is too small: ${pct}%`);
  if (attributeSource !== 'traceID' && attributeSource !== 'record') {
    throw new SamplingConfigError(`invalid attribute source: ${attributeSource}. Expected: traceID or record`);
  }
  if (precision === 0) throw new SamplingConfigError('invalid sampling precision: 0');
  if (precision > 14) throw new SamplingConfigError(`sampling precision is too great, should be <= 14: ${precision}`);
  if (precision < 0) throw new SamplingConfigError(`invalid sampling precision: ${precision}`);

  // Mode unset: hash_seed is the default either way for traces (§3.1).
  const mode: SamplerMode = modeText === '' ? 'hash_seed' : modeText;
  return { samplingPercentage: pct, mode, hashSeed, failClosed, samplingPrecision: precision };
}
