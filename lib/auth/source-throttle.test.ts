import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { backends } from "@/testing/databases";
import { signInWithPassword, type SignInResult } from "./credentials";
import { checkSession, createSession } from "./sessions";
import { clearSource, delayAfter, listThrottledSources, SOURCE_POLICY } from "./source-throttle";
import { auditRows, clock, insertUser, MINUTE, ORIGIN, TEST_POLICY, userByEmail } from "./testing";

const reasonOf = (r: SignInResult) => (r.ok ? "ok" : r.reason);

describe.each(backends)("sign-in throttled by source on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("waits longer after each failure past the free ones, then the whole window", () => {
    expect([1, 5, 6, 7, 8, 9].map((n) => delayAfter(n, SOURCE_POLICY))).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000]);
    expect(delayAfter(10, SOURCE_POLICY)).toBe(15 * MINUTE);
  });

  it("100 wrong attempts from one source leave a signed-in telecommunicator's session working", async () => {
    const db = database.db;
    const user = await insertUser(db, "on.a.call@ecc.test");
    const c = clock("2026-11-23T08:00:00Z");
    const sid = await createSession(db, user.id, ORIGIN, c.now());
    const attacker = { ip: "192.0.2.66", userAgent: "curl/8" };
    const answers: string[] = [];
    for (let i = 0; i < 100; i++) {
      const r = await signInWithPassword(db, { email: "on.a.call@ecc.test", password: `guess ${i}` }, attacker, TEST_POLICY, c.advance(100));
      answers.push(r.ok ? "ok" : r.reason);
    }
    // Five reach the account (and lock it); the source then waits with increasing delays, and
    // every further attempt in that time is refused before the account is looked at.
    expect(answers.filter((a) => a === "bad_password")).toHaveLength(5);
    expect(answers.filter((a) => a === "throttled").length).toBeGreaterThan(90);
    expect((await userByEmail(db, "on.a.call@ecc.test"))?.lockedAt).not.toBeNull();
    expect(await checkSession(db, sid, TEST_POLICY, ORIGIN, c.now())).toMatchObject({ status: "active", user: { id: user.id } });
    // Refusals are counted on the source, not written to the audit trail one by one.
    const signins = (await auditRows(db, "auth.signin")).filter((r) => r.ip === attacker.ip);
    expect(signins.length).toBeLessThanOrEqual(SOURCE_POLICY.maxFailures);
    const [listed] = (await listThrottledSources(db, SOURCE_POLICY, c.now())).filter((s) => s.source === attacker.ip);
    expect(listed).toMatchObject({ failures: answers.length - answers.filter((a) => a === "throttled").length, lastEmail: "on.a.call@ecc.test" });
    expect(listed!.refused).toBe(answers.filter((a) => a === "throttled").length);
  });

  it("one source cannot lock a roster, and a second source is not throttled by the first's failures", async () => {
    const db = database.db;
    const c = clock("2026-11-23T09:00:00Z");
    const roster = await Promise.all(Array.from({ length: 6 }, (_, i) => insertUser(db, `roster${i}@ecc.test`)));
    const attacker = { ip: "192.0.2.77", userAgent: "curl/8" };
    let throttled = 0;
    // Spaced out so every delay has passed: the window limit is what stops it.
    for (let round = 0; round < 4; round++) {
      for (const u of roster) {
        const r = await signInWithPassword(db, { email: u.email, password: "guess" }, attacker, TEST_POLICY, c.advance(61_000));
        if (!r.ok && r.reason === "throttled") {
          throttled++;
          expect(r.retryAfterSeconds).toBeGreaterThan(0);
        }
      }
    }
    expect(throttled).toBe(24 - SOURCE_POLICY.maxFailures);
    const locked = (await Promise.all(roster.map((u) => userByEmail(db, u.email)))).filter((u) => u?.lockedAt);
    expect(locked.length).toBeLessThanOrEqual(Math.floor(SOURCE_POLICY.maxFailures / TEST_POLICY.lockoutMaxFailures));
    const [blocked] = await auditRows(db, "auth.throttle");
    expect(blocked).toMatchObject({ target: attacker.ip, ip: attacker.ip, detail: { failures: SOURCE_POLICY.maxFailures } });

    const colleague = { ip: "192.0.2.78", userAgent: "Mozilla/5.0" };
    const free = roster.find((u) => !locked.some((l) => l?.id === u.id))!;
    expect((await signInWithPassword(db, { email: free.email, password: "a long enough password" }, colleague, TEST_POLICY, c.advance(1000))).ok).toBe(true);
    expect((await signInWithPassword(db, { email: free.email, password: "a typo" }, colleague, TEST_POLICY, c.advance(1000))).ok).toBe(false);
    expect(reasonOf(await signInWithPassword(db, { email: free.email, password: "a typo" }, colleague, TEST_POLICY, c.now()))).toBe("bad_password");
  });

  it("lets an admin clear a source, audited; a source forgets its failures when its window ends", async () => {
    const db = database.db;
    const c = clock("2026-11-23T10:00:00Z");
    await insertUser(db, "clear.me@ecc.test");
    const src = { ip: "2001:db8::5", userAgent: "x" };
    for (let i = 0; i < 10; i++) await signInWithPassword(db, { email: "clear.me@ecc.test", password: "no" }, src, TEST_POLICY, c.advance(61_000));
    const tryOnce = (after = 1000) => signInWithPassword(db, { email: "nobody@ecc.test", password: "no" }, src, TEST_POLICY, c.advance(after));
    expect(reasonOf(await tryOnce())).toBe("throttled");
    const admin = await insertUser(db, "sec.admin@ecc.test", "admin");
    expect(await clearSource(db, admin, src.ip, ORIGIN, c.now())).toBe(true);
    expect(reasonOf(await tryOnce())).toBe("unknown_account");
    const [cleared] = (await auditRows(db, "auth.throttle_clear")).filter((r) => r.target === src.ip);
    expect(cleared).toMatchObject({ actorEmail: "sec.admin@ecc.test", outcome: "success", detail: { source: src.ip, failures: 10, wasBlocked: true } });

    for (let i = 0; i < 9; i++) expect(reasonOf(await tryOnce(61_000))).toBe("unknown_account");
    expect(reasonOf(await tryOnce())).toBe("throttled");
    c.advance(SOURCE_POLICY.windowMs);
    expect(reasonOf(await tryOnce())).toBe("unknown_account");
  }, 120_000);
});
