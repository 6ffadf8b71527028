const MAX_UINT64 = 2n ** 64n - 1n;

/**
 * The tail `probabilistic` policy's 64-bit threshold for `ratio = sampling_percentage / 100`
 * (sampling-spec §2.4.6): 2^64−1 for ratio >= 1, 0 for ratio <= 0, otherwise
 * floor((2^64−1) · ratio) computed exactly from the double's binary value (never with Number).
 */
export function tailProbabilisticThreshold(ratio: number): bigint {
  if (Number.isNaN(ratio) || ratio <= 0) return 0n;
  if (ratio >= 1) return MAX_UINT64;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, ratio);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // ratio = mantissa · 2^exponent exactly.
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const product = MAX_UINT64 * mantissa;
  return exponent >= 0 ? product << BigInt(exponent) : product >> BigInt(-exponent);
}
