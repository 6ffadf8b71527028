/**
 * OTEP 235 consistent-probability arithmetic (sampling-spec §3.4): 56-bit randomness R and
 * threshold T, keep iff T <= R. T = 0 is "always", T = 2^56 is "never". Values are BigInt because
 * they exceed 2^53; the per-span hot path of the default `hash_seed` mode does not use them.
 */

/** 2^56: the adjusted-count denominator and the "never sample" threshold. */
export const MAX_ADJUSTED_COUNT = 1n << 56n;
export const NEVER_SAMPLE_THRESHOLD = MAX_ADJUSTED_COUNT;
export const ALWAYS_SAMPLE_THRESHOLD = 0n;
/** Randomness used when none exists; every threshold except "never" accepts it (§3.2.1). */
export const ALL_PROBABILITIES_RANDOMNESS = MAX_ADJUSTED_COUNT - 1n;
/** Smallest supported probability, 2^-56. */
export const MIN_SAMPLING_PROBABILITY = 2 ** -56;

const NUM_HEX_DIGITS = 14;
const HEX_BITS = 4;

export type ParsedHex56 = { readonly ok: true; readonly value: bigint } | { readonly ok: false; readonly error: string };

/** Binary exponent of `x > 0` as Go's `math.Frexp` returns it (mantissa in [0.5, 1)). */
export function frexpExponent(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const biased = (view.getUint16(0) >>> 4) & 0x7ff;
  if (biased === 0) {
    // Subnormal: normalise by scaling (never reached for probabilities >= 2^-56).
    return frexpExponent(x * 2 ** 64) - 64;
  }
  return biased - 1022;
}

/**
 * `ProbabilityToThresholdWithPrecision` (§3.4): precision 0 means 14; p outside [2^-56, 1] is an
 * error (returned as `undefined`); extra digits are added near 0 and 1 so relative error stays small.
 */
export function probabilityToThreshold(probability: number, precision: number): bigint | undefined {
  let prec = precision === 0 ? NUM_HEX_DIGITS : precision;
  if (!(probability >= MIN_SAMPLING_PROBABILITY && probability <= 1)) return undefined;
  if (probability === 1) return ALWAYS_SAMPLE_THRESHOLD;
  const expF = frexpExponent(probability);
  const expR = frexpExponent(1 - probability);
  // Go integer division truncates toward zero.
  prec = Math.min(NUM_HEX_DIGITS, Math.max(prec + Math.trunc(expF / -HEX_BITS), prec + Math.trunc(expR / -HEX_BITS)));
  // p * 2^56 is exact in binary floating point; Math.round equals Go's math.Round for positives.
  const scaled = BigInt(Math.round(probability * 2 ** 56));
  let threshold = MAX_ADJUSTED_COUNT - scaled;
  const shift = BigInt(HEX_BITS * (NUM_HEX_DIGITS - prec));
  if (shift !== 0n) {
    threshold += 1n << (shift - 1n);
    threshold >>= shift;
    threshold <<= shift;
  }
  return threshold;
}

/** Sampling probability of a threshold, `(2^56 - T) / 2^56` (§3.4). */
export function thresholdProbability(threshold: bigint): number {
  return Number(MAX_ADJUSTED_COUNT - threshold) / 2 ** 56;
}

/** The canonical t-value: `"0"` for always, `""` for never, else 14 hex digits without trailing zeros. */
export function thresholdToTValue(threshold: bigint): string {
  if (threshold === ALWAYS_SAMPLE_THRESHOLD) return '0';
  if (threshold >= NEVER_SAMPLE_THRESHOLD) return '';
  return threshold.toString(16).padStart(NUM_HEX_DIGITS, '0').replace(/0+$/, '');
}

/** 14 lower-case hex digits of a 56-bit value. */
export function hex56(value: bigint): string {
  return value.toString(16).padStart(NUM_HEX_DIGITS, '0');
}

const HEX_RE = /^[0-9a-fA-F]+$/;

function parseUintError(text: string): string {
  return `strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`;
}

/** Decodes a t-value (`th`): 1–14 hex digits of either case, right-padded with zeros (§3.4). */
export function parseTValue(text: string): ParsedHex56 {
  if (text.length > NUM_HEX_DIGITS) return { ok: false, error: 't-value exceeds 14 hex digits' };
  if (text.length === 0) return { ok: false, error: 't-value is empty' };
  if (!HEX_RE.test(text)) return { ok: false, error: parseUintError(text) };
  return { ok: true, value: BigInt(`0x${text}`) << BigInt(HEX_BITS * (NUM_HEX_DIGITS - text.length)) };
}

/** Decodes an r-value (`rv`): exactly 14 hex digits (§3.4). */
export function parseRValue(text: string): ParsedHex56 {
  if (text.length !== NUM_HEX_DIGITS) return { ok: false, error: 'r-value must have 14 hex digits' };
  if (!HEX_RE.test(text)) return { ok: false, error: parseUintError(text) };
  return { ok: true, value: BigInt(`0x${text}`) };
}

/** Randomness of a trace ID: its last 7 bytes as a big-endian 56-bit integer (§3.2.1, §4). */
export function traceIdRandomness(traceIdHex: string): bigint {
  return BigInt(`0x${traceIdHex.slice(18, 32)}`);
}

/** True for an all-zero (invalid, "empty") trace ID. */
export function isEmptyTraceId(traceIdHex: string): boolean {
  for (let i = 0; i < traceIdHex.length; i++) if (traceIdHex.charCodeAt(i) !== 48) return false;
  return true;
}
