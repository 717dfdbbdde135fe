/**
 * Identical concurrent requests share one upstream call: twenty telecommunicators' maps polling the
 * same caller cost RapidSOS one query, not twenty. The key is the request's identity; the entry is
 * forgotten as soon as the call settles, so this coalesces, it does not cache.
 */
export class SingleFlight<T> {
  readonly #inFlight = new Map<string, Promise<T>>();

  run(key: string, call: () => Promise<T>): Promise<T> {
    const existing = this.#inFlight.get(key);
    if (existing) return existing;
    const promise = (async () => {
      try {
        return await call();
      } finally {
        this.#inFlight.delete(key);
      }
    })();
    this.#inFlight.set(key, promise);
    return promise;
  }

  get size(): number {
    return this.#inFlight.size;
  }
}
