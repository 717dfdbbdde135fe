/** A sliding one-minute window per client, in REAL time (a paused sandbox clock must not stop it). */

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class SlidingWindowLimiter {
  private hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly realNow: () => number,
  ) {}

  /** Count a request from `key`; refused requests are not counted. */
  hit(key: string): RateDecision {
    const now = this.realNow();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] as number;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { ok: true };
  }

  clear(): void {
    this.hits = new Map();
  }
}
