/**
 * What a flood of bad Data Share deliveries may cost: a token bucket per source for *rejected*
 * deliveries. While a source has tokens, each rejection is answered as the guide says (400/401) and
 * audited on its own row; once its bucket is empty, further rejections are answered 429 with
 * Retry-After and only counted, and the counts become one `datashare.flood` audit row per source
 * per minute (with the reasons). Accepted deliveries never take a token and are never refused here:
 * the signature is checked before the bucket is consulted, so a correctly signed share from an
 * address that also sends garbage still lands.
 *
 * In memory, per instance, on purpose: the point is that garbage costs no database write, and a
 * bucket kept in a table would be a write per bad request. In a cluster each instance has its own
 * buckets, so the bound on rows is per instance (see README, Security). Both maps are bounded:
 * the least recently seen source is forgotten first.
 */
import "server-only";

export interface LimiterPolicy {
  /** Rejections a source may have individually answered and audited in a burst. */
  capacity: number;
  /** Tokens a source gets back per minute. */
  refillPerMinute: number;
  /** Sources remembered at once (buckets and pending counts each). */
  maxSources: number;
}

export const REJECTION_POLICY: LimiterPolicy = { capacity: 10, refillPerMinute: 10, maxSources: 10_000 };

export interface FloodRow {
  source: string;
  /** The minute the counts belong to (ISO, UTC, seconds zero). */
  minute: string;
  throttled: number;
  reasons: Record<string, number>;
  firstAt: string;
  lastAt: string;
}

export type Admission = { audit: true } | { audit: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

const MINUTE = 60_000;
/** Where sources beyond `maxSources` are counted in one minute: nothing is dropped uncounted. */
export const OTHER_SOURCES = "(other sources)";

export class RejectionLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly pending = new Map<string, FloodRow>();

  constructor(
    private readonly policy: LimiterPolicy,
    /** Writes aggregated rows (the app: audit rows). */
    private readonly write: (rows: FloodRow[]) => Promise<void>,
  ) {}

  /** A delivery from `source` was rejected: may it be answered and audited individually? */
  admit(source: string, reason: string, now: number): Admission {
    const bucket = this.bucket(source, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { audit: true };
    }
    this.count(source, reason, now);
    const perToken = MINUTE / this.policy.refillPerMinute;
    return { audit: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * perToken) / 1000)) };
  }

  /** Write the counts of every minute before `now`'s (or all of them, on shutdown). */
  async flush(now: number, all = false): Promise<number> {
    const current = Math.floor(now / MINUTE) * MINUTE;
    const due: FloodRow[] = [];
    for (const [key, row] of this.pending) {
      if (all || Date.parse(row.minute) < current) {
        due.push(row);
        this.pending.delete(key);
      }
    }
    if (due.length > 0) await this.write(due);
    return due.length;
  }

  get size(): { buckets: number; pending: number } {
    return { buckets: this.buckets.size, pending: this.pending.size };
  }

  private bucket(source: string, now: number): Bucket {
    const { capacity, refillPerMinute, maxSources } = this.policy;
    let b = this.buckets.get(source);
    if (b) {
      this.buckets.delete(source); // re-inserted below: Map order is recency order
      b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / MINUTE) * refillPerMinute);
      b.at = now;
    } else {
      b = { tokens: capacity, at: now };
      if (this.buckets.size >= maxSources) this.buckets.delete(this.buckets.keys().next().value as string);
    }
    this.buckets.set(source, b);
    return b;
  }

  private count(source: string, reason: string, now: number): void {
    const minute = new Date(Math.floor(now / MINUTE) * MINUTE).toISOString();
    let key = `${source}|${minute}`;
    let row = this.pending.get(key);
    if (!row && this.pending.size >= this.policy.maxSources) {
      source = OTHER_SOURCES;
      key = `${source}|${minute}`;
      row = this.pending.get(key);
    }
    const at = new Date(now).toISOString();
    if (!row) {
      row = { source, minute, throttled: 0, reasons: {}, firstAt: at, lastAt: at };
      this.pending.set(key, row);
    }
    row.throttled += 1;
    row.reasons[reason] = (row.reasons[reason] ?? 0) + 1;
    row.lastAt = at;
  }
}
