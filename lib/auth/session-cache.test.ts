import { describe, expect, it } from "vitest";
import { SESSION_CACHE_TTL_MS, SessionCache } from "./session-cache";
import { sessionRef } from "./session-ref";

const policy = { lockoutMaxFailures: 5, lockoutWindowMs: 15 * 60_000, lockoutDurationMs: 15 * 60_000, sessionIdleMs: 30 * 60_000, sessionMaxMs: 12 * 3_600_000 };
const T = 1_800_000_000_000;
const user = (id: string) => ({ id, email: `${id}@x.test`, name: id, role: "telecommunicator" as const, sessionId: `s-${id}` });

describe("the session cache", () => {
  it("answers for a few seconds, then sends the check back to the database", () => {
    const cache = new SessionCache();
    cache.set("s1", { user: user("u1"), createdAt: T, lastActiveAt: T }, T);
    expect(cache.get("s1", policy, T + SESSION_CACHE_TTL_MS - 1)?.user.id).toBe("u1");
    expect(cache.get("s1", policy, T + SESSION_CACHE_TTL_MS)).toBeNull();
  });

  it("never answers near a session's idle or absolute limit: the database check ends and audits it", () => {
    const cache = new SessionCache();
    const idleAlmost = T - policy.sessionIdleMs + 2_000;
    cache.set("s1", { user: user("u1"), createdAt: T - 60_000, lastActiveAt: idleAlmost }, T);
    expect(cache.get("s1", policy, T)).toBeNull();
    cache.set("s2", { user: user("u2"), createdAt: T - policy.sessionMaxMs + 1_000, lastActiveAt: T }, T);
    expect(cache.get("s2", policy, T)).toBeNull();
  });

  it("forgets a session by its reference, or every session of a user, at once", () => {
    const cache = new SessionCache();
    cache.set("s1", { user: user("u1"), createdAt: T, lastActiveAt: T }, T);
    cache.set("s2", { user: user("u1"), createdAt: T, lastActiveAt: T }, T);
    cache.set("s3", { user: user("u2"), createdAt: T, lastActiveAt: T }, T);
    cache.revoke({ ref: sessionRef("s1") });
    expect(cache.get("s1", policy, T)).toBeNull();
    expect(cache.get("s2", policy, T)).not.toBeNull();
    cache.revoke({ userId: "u1" });
    expect(cache.get("s2", policy, T)).toBeNull();
    expect(cache.get("s3", policy, T)).not.toBeNull();
  });

  it("is bounded: a flood of sessions cannot grow it without limit", () => {
    const cache = new SessionCache();
    for (let i = 0; i < 10_050; i++) cache.set(`s${i}`, { user: user(`u${i}`), createdAt: T, lastActiveAt: T }, T);
    expect(cache.size).toBe(10_000);
    expect(cache.get("s0", policy, T)).toBeNull();
    expect(cache.get("s10049", policy, T)).not.toBeNull();
  });
});
