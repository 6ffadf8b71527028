/**
 * golang.org/x/time/rate `Limiter.AllowN` as the tail sampler's `rate_limiting` and
 * `bytes_limiting` policies use it (sampling-spec §2.4.8): the bucket starts full with `burst`
 * tokens and refills continuously at `limit` tokens/s; a request of `n` passes iff `n <= burst` and
 * the deficit's wait time truncates to 0 ns; a failed request leaves the state unchanged.
 * Time is nanoseconds on the simulated clock.
 */
export class TokenBucket {
  private tokens: number;
  private lastNs: number | undefined;

  constructor(
    readonly limit: number,
    private burst: number,
  ) {
    this.tokens = burst;
  }

  /** Tokens available now (for detail texts), without changing state. */
  available(nowNs: number): number {
    return this.limit === 0 ? this.burst : this.advance(nowNs);
  }

  private advance(nowNs: number): number {
    const last = this.lastNs === undefined || nowNs < this.lastNs ? nowNs : this.lastNs;
    const elapsed = this.lastNs === undefined ? Number.MAX_SAFE_INTEGER : nowNs - last;
    // Duration.Seconds(): whole seconds plus the nanosecond remainder / 1e9.
    const sec = Math.trunc(elapsed / 1e9);
    const seconds = sec + (elapsed - sec * 1e9) / 1e9;
    const tokens = this.tokens + seconds * this.limit;
    return tokens > this.burst ? this.burst : tokens;
  }

  allowN(nowNs: number, n: number): boolean {
    if (this.limit === Infinity) return true;
    if (this.limit === 0) {
      // rate.Limiter with limit 0: the burst itself is spent and never refills.
      if (this.burst >= n) {
        this.burst -= n;
        return true;
      }
      return false;
    }
    const tokens = this.advance(nowNs) - n;
    let waitNs = 0;
    if (tokens < 0) waitNs = Math.trunc((-tokens / this.limit) * 1e9);
    const ok = n <= this.burst && waitNs <= 0;
    if (ok) {
      this.lastNs = nowNs;
      this.tokens = tokens;
    }
    return ok;
  }
}
