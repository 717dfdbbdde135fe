import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { signInWithPassword } from "./credentials";
import { checkSession } from "./sessions";
import { auditRows, clock, insertUser, MINUTE, ORIGIN, TEST_POLICY, userByEmail } from "./testing";
import { unlockUser } from "./users";

describe.each(backends)("password sign-in on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });
  const signIn = (email: string, password: string, now: Date) =>
    signInWithPassword(database.db, { email, password }, ORIGIN, TEST_POLICY, now);

  it("signs in with the right password, opens a session and audits who, when and from where", async () => {
    const db = database.db;
    const user = await insertUser(db, "ok@ecc.test");
    const at = new Date("2026-11-22T09:15:30.123Z");
    const result = await signIn(" OK@ecc.test ", "a long enough password", at);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await checkSession(db, result.sessionId, TEST_POLICY, ORIGIN, at);
    expect(session).toMatchObject({ status: "active", user: { id: user.id, email: "ok@ecc.test", role: "telecommunicator" } });
    const [row] = (await auditRows(db, "auth.signin")).filter((r) => r.actorId === user.id);
    expect(row).toMatchObject({
      outcome: "success",
      actorEmail: "ok@ecc.test",
      ip: ORIGIN.ip,
      userAgent: ORIGIN.userAgent,
      detail: { method: "password" },
    });
    expect(row?.at.toISOString()).toBe("2026-11-22T09:15:30.123Z");
    expect(JSON.stringify(row)).not.toContain(result.sessionId);
  });

  it("fails with the real reason in the audit row and never the password", async () => {
    const db = database.db;
    await insertUser(db, "reasons@ecc.test");
    const disabled = await insertUser(db, "off@ecc.test");
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    const now = new Date("2026-11-22T10:00:00Z");
    expect(await signIn("nobody@ecc.test", "Guess-Password-1", now)).toEqual({ ok: false, reason: "unknown_account" });
    expect(await signIn("reasons@ecc.test", "Wrong-Password-2", now)).toEqual({ ok: false, reason: "bad_password" });
    expect(await signIn("off@ecc.test", "a long enough password", now)).toEqual({ ok: false, reason: "disabled" });
    expect(await signInWithPassword(db, { email: "x" }, ORIGIN, TEST_POLICY, now)).toEqual({ ok: false, reason: "invalid_input" });
    const rows = (await auditRows(db, "auth.signin")).filter((r) => r.outcome === "failure");
    expect(rows.map((r) => [r.actorEmail, r.detail.reason])).toEqual(
      expect.arrayContaining([
        ["nobody@ecc.test", "unknown_account"],
        ["reasons@ecc.test", "bad_password"],
        ["off@ecc.test", "disabled"],
      ]),
    );
    const all = JSON.stringify(await auditRows(db));
    for (const secret of ["Guess-Password-1", "Wrong-Password-2", "a long enough password", "scrypt$"]) {
      expect(all).not.toContain(secret);
    }
  });

  it("locks the account at the 5th failure within 15 minutes; then even the right password fails", async () => {
    const db = database.db;
    const user = await insertUser(db, "locked@ecc.test");
    const c = clock("2026-11-22T11:00:00Z");
    for (let i = 0; i < 4; i++) {
      expect((await signIn("locked@ecc.test", `wrong ${i}`, c.advance(2 * MINUTE))).ok).toBe(false);
      expect((await userByEmail(db, "locked@ecc.test"))?.lockedAt).toBeNull();
    }
    await signIn("locked@ecc.test", "wrong 5", c.advance(2 * MINUTE));
    expect((await userByEmail(db, "locked@ecc.test"))?.lockedAt?.toISOString()).toBe(c.now().toISOString());
    const lockouts = (await auditRows(db, "auth.lockout")).filter((r) => r.actorId === user.id);
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({
      outcome: "success",
      target: "locked@ecc.test",
      ip: ORIGIN.ip,
      detail: { failures: 5, windowMinutes: 15, lockMinutes: 15, releasesAt: new Date(c.now().getTime() + 15 * MINUTE).toISOString() },
    });

    expect(await signIn("locked@ecc.test", "a long enough password", c.advance(MINUTE))).toEqual({ ok: false, reason: "locked" });
    // An admin may release it sooner than LOCKOUT_MINUTES.
    const admin = await insertUser(db, "unlocker@ecc.test", "admin");
    await unlockUser(db, admin, user.id, ORIGIN, c.advance(MINUTE));
    const [unlock] = (await auditRows(db, "auth.unlock")).filter((r) => r.target === "locked@ecc.test");
    expect(unlock).toMatchObject({ actorEmail: "unlocker@ecc.test", outcome: "success", detail: { userId: user.id, wasLocked: true } });
    // A fresh set of attempts after the unlock: one failure does not lock again.
    expect((await signIn("locked@ecc.test", "wrong again", c.advance(MINUTE))).ok).toBe(false);
    expect((await userByEmail(db, "locked@ecc.test"))?.lockedAt).toBeNull();
    expect((await signIn("locked@ecc.test", "a long enough password", c.advance(MINUTE))).ok).toBe(true);
  });

  it("releases the lock by itself after LOCKOUT_MINUTES, with a fresh set of attempts", async () => {
    const db = database.db;
    await insertUser(db, "timed@ecc.test");
    const policy = { ...TEST_POLICY, lockoutDurationMs: 10 * MINUTE };
    const c = clock("2026-11-22T15:00:00Z");
    const attempt = (password: string) =>
      signInWithPassword(db, { email: "timed@ecc.test", password }, { ...ORIGIN, ip: "198.51.100.40" }, policy, c.advance(MINUTE));
    for (let i = 0; i < 5; i++) await attempt(`wrong ${i}`);
    const lockedAt = (await userByEmail(db, "timed@ecc.test"))?.lockedAt;
    expect(lockedAt?.toISOString()).toBe(c.now().toISOString());
    // Attempts while locked fail (the same answer as any failure) and do not count toward the next lock.
    for (let i = 0; i < 3; i++) expect(await attempt("a long enough password")).toEqual({ ok: false, reason: "locked" });
    c.advance(10 * MINUTE - 4 * MINUTE - 1); // 1 ms before the lock is 10 minutes old
    expect(await signInWithPassword(db, { email: "timed@ecc.test", password: "a long enough password" }, { ...ORIGIN, ip: "198.51.100.41" }, policy, c.now())).toEqual({ ok: false, reason: "locked" });
    c.advance(1);
    // Released: one more wrong password does not lock it again at once …
    expect((await signInWithPassword(db, { email: "timed@ecc.test", password: "wrong again" }, { ...ORIGIN, ip: "198.51.100.41" }, policy, c.now())).ok).toBe(false);
    expect((await userByEmail(db, "timed@ecc.test"))?.lockedAt?.toISOString()).toBe(lockedAt?.toISOString());
    // … and the right one gets in.
    expect((await signInWithPassword(db, { email: "timed@ecc.test", password: "a long enough password" }, { ...ORIGIN, ip: "198.51.100.41" }, policy, c.advance(MINUTE))).ok).toBe(true);
  });

  it("does not lock when the failures are spread over more than the window", async () => {
    const db = database.db;
    await insertUser(db, "spread@ecc.test");
    const c = clock("2026-11-22T12:00:00Z");
    for (let i = 0; i < 8; i++) await signIn("spread@ecc.test", `wrong ${i}`, c.advance(4 * MINUTE));
    expect((await userByEmail(db, "spread@ecc.test"))?.lockedAt).toBeNull();
  });

  it("starts counting again after a successful sign-in", async () => {
    const db = database.db;
    await insertUser(db, "reset@ecc.test");
    const c = clock("2026-11-22T13:00:00Z");
    for (let i = 0; i < 4; i++) await signIn("reset@ecc.test", `wrong ${i}`, c.advance(MINUTE));
    expect((await signIn("reset@ecc.test", "a long enough password", c.advance(MINUTE))).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signIn("reset@ecc.test", `wrong ${i}`, c.advance(MINUTE));
    expect((await userByEmail(db, "reset@ecc.test"))?.lockedAt).toBeNull();
  });

  it("honours a configured limit and window", async () => {
    const db = database.db;
    await insertUser(db, "strict@ecc.test");
    const policy = { ...TEST_POLICY, lockoutMaxFailures: 2, lockoutWindowMs: 60 * MINUTE };
    const c = clock("2026-11-22T14:00:00Z");
    await signInWithPassword(db, { email: "strict@ecc.test", password: "nope one" }, ORIGIN, policy, c.advance(MINUTE));
    await signInWithPassword(db, { email: "strict@ecc.test", password: "nope two" }, ORIGIN, policy, c.advance(40 * MINUTE));
    expect((await userByEmail(db, "strict@ecc.test"))?.lockedAt).not.toBeNull();
  });
});
