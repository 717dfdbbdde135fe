import { describe, expect, it } from "vitest";
import { Secret } from "@/lib/config/secret";
import { TokenCache, type IssuedToken } from "./token-cache";

function setup(lifetimeMs = 3_600_000) {
  let now = 1_000_000;
  let issued = 0;
  let fail = false;
  let gate: Promise<void> | null = null;
  const cache = new TokenCache({
    now: () => now,
    fetchToken: async (): Promise<IssuedToken> => {
      issued++;
      const n = issued;
      if (gate) await gate;
      if (fail) throw new Error("token endpoint down");
      return { token: new Secret(`t${n}`), expiresAt: now + lifetimeMs };
    },
  });
  return {
    cache,
    issued: () => issued,
    advance: (ms: number) => (now += ms),
    setFail: (f: boolean) => (fail = f),
    hold: () => {
      let open!: () => void;
      gate = new Promise<void>((r) => (open = r));
      return () => {
        gate = null;
        open();
      };
    },
  };
}

describe("TokenCache", () => {
  it("fetches once and reuses the token until the refresh-ahead point", async () => {
    const t = setup();
    expect((await t.cache.get()).reveal()).toBe("t1");
    t.advance(3_539_000); // 61 s before expiry: still cached (window is min(60 s, 10%))
    expect((await t.cache.get()).reveal()).toBe("t1");
    expect(t.issued()).toBe(1);
    t.advance(2_000); // inside the 60 s window
    expect((await t.cache.get()).reveal()).toBe("t2");
    expect(t.issued()).toBe(2);
  });

  it("refreshes 10% ahead for short-lived tokens", async () => {
    const t = setup(10_000);
    await t.cache.get();
    t.advance(8_900);
    expect((await t.cache.get()).reveal()).toBe("t1");
    t.advance(200); // 9.1 s of 10 s
    expect((await t.cache.get()).reveal()).toBe("t2");
  });

  it("has exactly one refresh in flight under concurrency", async () => {
    const t = setup();
    const release = t.hold();
    const all = Promise.all(Array.from({ length: 25 }, () => t.cache.get()));
    release();
    const tokens = await all;
    expect(new Set(tokens.map((s) => s.reveal()))).toEqual(new Set(["t1"]));
    expect(t.issued()).toBe(1);
  });

  it("invalidate drops the refused token once; a stale invalidate leaves the new one alone", async () => {
    const t = setup();
    const old = await t.cache.get();
    t.cache.invalidate(old);
    const fresh = await t.cache.get();
    expect(fresh.reveal()).toBe("t2");
    t.cache.invalidate(old); // a slow caller reporting the same 401
    expect((await t.cache.get()).reveal()).toBe("t2");
    expect(t.issued()).toBe(2);
  });

  it("keeps using a still-valid token when an early refresh fails", async () => {
    const t = setup();
    await t.cache.get();
    t.advance(3_570_000); // inside the window, 30 s before expiry
    t.setFail(true);
    expect((await t.cache.get()).reveal()).toBe("t1");
    t.advance(31_000); // expired now
    await expect(t.cache.get()).rejects.toThrow("token endpoint down");
  });

  it("does not fall back to an invalidated token", async () => {
    const t = setup();
    const old = await t.cache.get();
    t.cache.invalidate(old);
    t.setFail(true);
    await expect(t.cache.get()).rejects.toThrow("token endpoint down");
  });

  it("a failed refresh is not cached: the next call tries again", async () => {
    const t = setup();
    t.setFail(true);
    await expect(t.cache.get()).rejects.toThrow();
    t.setFail(false);
    expect((await t.cache.get()).reveal()).toBe("t2");
  });
});
