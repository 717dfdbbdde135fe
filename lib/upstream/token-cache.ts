import "server-only";
/**
 * One cache per upstream credential. A token is reused until shortly before it expires (refresh
 * ahead: 10% of its lifetime, at most 60 s), only one refresh is ever in flight (concurrent callers
 * await the same promise), and `invalidate(token)` drops exactly that token after a 401, so a burst
 * of callers that all saw the same 401 cause one refresh, not one each.
 */
import type { Secret } from "@/lib/config/secret";

export interface IssuedToken {
  token: Secret;
  /** Expiry on OUR clock (ms): the upstream's clock may differ, so never its issued_at. */
  expiresAt: number;
}

interface Cached extends IssuedToken {
  refreshAt: number;
}

export interface TokenCacheOptions {
  fetchToken: () => Promise<IssuedToken>;
  now?: () => number;
  /** Longest refresh-ahead window (ms). */
  maxRefreshAheadMs?: number;
}

const REFRESH_AHEAD_FRACTION = 0.1;

export class TokenCache {
  readonly #fetchToken: () => Promise<IssuedToken>;
  readonly #now: () => number;
  readonly #maxAheadMs: number;
  #current: Cached | null = null;
  #refreshing: Promise<Cached> | null = null;

  constructor(options: TokenCacheOptions) {
    this.#fetchToken = options.fetchToken;
    this.#now = options.now ?? Date.now;
    this.#maxAheadMs = options.maxRefreshAheadMs ?? 60_000;
  }

  async get(): Promise<Secret> {
    const cached = this.#current;
    if (cached && this.#now() < cached.refreshAt) return cached.token;
    try {
      return (await this.#refresh()).token;
    } catch (err) {
      // Inside the refresh-ahead window the old token still works: a failed early refresh
      // must not fail the call.
      if (cached && this.#current === cached && this.#now() < cached.expiresAt) {
        return cached.token;
      }
      throw err;
    }
  }

  /** The upstream refused `token` (401): forget it, unless a newer one already replaced it. */
  invalidate(token: Secret): void {
    if (this.#current && this.#current.token.reveal() === token.reveal()) this.#current = null;
  }

  clear(): void {
    this.#current = null;
  }

  #refresh(): Promise<Cached> {
    this.#refreshing ??= (async () => {
      const startedAt = this.#now();
      try {
        const issued = await this.#fetchToken();
        const lifetime = Math.max(0, issued.expiresAt - startedAt);
        const ahead = Math.min(this.#maxAheadMs, lifetime * REFRESH_AHEAD_FRACTION);
        const entry: Cached = { ...issued, refreshAt: issued.expiresAt - ahead };
        this.#current = entry;
        return entry;
      } finally {
        this.#refreshing = null;
      }
    })();
    return this.#refreshing;
  }
}
