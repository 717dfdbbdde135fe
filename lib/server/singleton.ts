/**
 * One instance per server process. Next.js bundles route handlers, pages and instrumentation
 * separately, so a module-level `let` can exist several times in one process; globalThis cannot.
 */
export function singleton<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`dispatcher-map.${key}`);
  let value = store[symbol];
  if (value === undefined) {
    value = create();
    store[symbol] = value;
  }
  return value;
}

/** Forget a singleton (tests, sandbox reset). */
export function dropSingleton(key: string): void {
  const store = globalThis as unknown as Record<symbol, unknown>;
  delete store[Symbol.for(`dispatcher-map.${key}`)];
}
