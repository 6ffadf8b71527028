/**
 * Seeded randomness for the generator (engine-design.md "Determinism": every random choice
 * comes from a seeded generator, so the same inputs give the same bytes in Node and the worker).
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter), state expanded from a 32-bit seed with
 * splitmix32. Pure 32-bit integer arithmetic: identical in every JS engine.
 */

export interface Random {
  /** Uniform 32-bit unsigned integer. */
  u32(): number;
  /** Uniform in [0, 1), 32 bits of precision. */
  float(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** Exponential with mean 1. */
  exponential(): number;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A generator seeded from a 32-bit integer (other numbers are truncated to 32 bits). */
export function createRandom(seed: number): Random {
  const sm = { s: seed | 0 };
  let a = splitmix32(sm);
  let b = splitmix32(sm);
  let c = splitmix32(sm);
  let d = splitmix32(sm);
  let spare: number | null = null;

  function u32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // discard the first outputs, as the sfc32 reference does
  for (let i = 0; i < 12; i++) u32();

  function float(): number {
    return u32() / 4294967296;
  }

  return {
    u32,
    float,
    int: (n) => Math.floor(float() * n),
    chance: (p) => p > 0 && float() < p,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // Marsaglia's polar method: no trigonometry, whose last bits may differ between engines
      let u: number;
      let v: number;
      let q: number;
      do {
        u = float() * 2 - 1;
        v = float() * 2 - 1;
        q = u * u + v * v;
      } while (q >= 1 || q === 0);
      const f = Math.sqrt((-2 * Math.log(q)) / q);
      spare = v * f;
      return u * f;
    },
    exponential() {
      let u = float();
      while (u === 0) u = float();
      return -Math.log(u);
    },
  };
}
