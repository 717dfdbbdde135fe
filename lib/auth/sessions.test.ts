import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { checkSession, createSession, purgeSessions, recordActivity, sessionEndReason, touchSession } from "./sessions";
import { signOutSession } from "./sign-out";
import { auditRows, clock, insertUser, MINUTE, ORIGIN, TEST_POLICY } from "./testing";

describe.each(backends)("sessions on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("ends after the idle timeout without user activity, and audits it once", async () => {
    const db = database.db;
    const user = await insertUser(db, "idle@ecc.test");
    const policy = { ...TEST_POLICY, sessionIdleMs: 2 * MINUTE };
    const c = clock("2026-11-22T08:00:00Z");
    const sid = await createSession(db, user.id, ORIGIN, c.now());
    // Background polling every few seconds checks the session but is not activity.
    for (let i = 0; i < 20; i++) {
      expect((await checkSession(db, sid, policy, ORIGIN, c.advance(5_000))).status).toBe("active");
    }
    expect(await checkSession(db, sid, policy, ORIGIN, c.advance(20_001))).toEqual({ status: "ended", reason: "idle" });
    expect(await checkSession(db, sid, policy, ORIGIN, c.advance(1_000))).toEqual({ status: "ended", reason: "idle" });
    expect(await sessionEndReason(db, sid)).toBe("idle");
    const rows = (await auditRows(db, "auth.session_timeout")).filter((r) => r.actorId === user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "success", actorEmail: "idle@ecc.test", ip: ORIGIN.ip, detail: { idleMinutes: 2 } });
    expect(JSON.stringify(rows)).not.toContain(sid);
  });

  it("stays alive while the user is active", async () => {
    const db = database.db;
    const user = await insertUser(db, "busy@ecc.test");
    const policy = { ...TEST_POLICY, sessionIdleMs: 2 * MINUTE };
    const c = clock("2026-11-22T09:00:00Z");
    const sid = await createSession(db, user.id, ORIGIN, c.now());
    for (let i = 0; i < 10; i++) {
      const deadlines = await recordActivity(db, sid, policy, c.advance(90_000));
      expect(deadlines?.idleEndsAt).toBe(new Date(c.now().getTime() + 2 * MINUTE).toISOString());
      expect((await checkSession(db, sid, policy, ORIGIN, c.now())).status).toBe("active");
    }
  });

  it("ends after the maximum age however active the user is", async () => {
    const db = database.db;
    const user = await insertUser(db, "long@ecc.test");
    const c = clock("2026-11-22T00:00:00Z");
    const sid = await createSession(db, user.id, ORIGIN, c.now());
    for (let h = 0; h < 11; h++) {
      c.advance(60 * MINUTE);
      await touchSession(db, sid, c.now());
      expect((await checkSession(db, sid, TEST_POLICY, ORIGIN, c.now())).status).toBe("active");
    }
    c.advance(60 * MINUTE);
    await touchSession(db, sid, c.now());
    expect(await checkSession(db, sid, TEST_POLICY, ORIGIN, c.now())).toEqual({ status: "ended", reason: "max_age" });
    const rows = (await auditRows(db, "auth.session_expired")).filter((r) => r.actorId === user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.detail).toMatchObject({ maxHours: 12 });
  });

  it("ends when the user is disabled, but not when the account is locked (anyone can cause a lock)", async () => {
    const db = database.db;
    const c = clock();
    const a = await insertUser(db, "disabled-later@ecc.test");
    const b = await insertUser(db, "locked-later@ecc.test");
    const sa = await createSession(db, a.id, ORIGIN, c.now());
    const sb = await createSession(db, b.id, ORIGIN, c.now());
    await db.update(users).set({ disabledAt: c.now() }).where(eq(users.id, a.id));
    await db.update(users).set({ lockedAt: c.now() }).where(eq(users.id, b.id));
    expect(await checkSession(db, sa, TEST_POLICY, ORIGIN, c.advance(1000))).toEqual({ status: "ended", reason: "disabled" });
    expect(await checkSession(db, sb, TEST_POLICY, ORIGIN, c.now())).toMatchObject({ status: "active", user: { id: b.id } });
  });

  it("signs out once: the session ends and one auth.signout row is written", async () => {
    const db = database.db;
    const user = await insertUser(db, "bye@ecc.test");
    const c = clock();
    const sid = await createSession(db, user.id, ORIGIN, c.now());
    expect(await signOutSession(db, sid, ORIGIN, c.advance(1000))).toBe(true);
    expect(await signOutSession(db, sid, ORIGIN, c.advance(1000))).toBe(false);
    expect(await checkSession(db, sid, TEST_POLICY, ORIGIN, c.now())).toEqual({ status: "ended", reason: "signout" });
    const rows = (await auditRows(db, "auth.signout")).filter((r) => r.actorId === user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorEmail: "bye@ecc.test", ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
  });

  it("treats an unknown session id as ended, and purges old sessions", async () => {
    const db = database.db;
    expect(await checkSession(db, "no-such-session", TEST_POLICY, ORIGIN, new Date())).toEqual({ status: "ended", reason: "unknown" });
    const user = await insertUser(db, "old@ecc.test");
    await createSession(db, user.id, ORIGIN, new Date("2020-01-01T00:00:00Z"));
    expect(await purgeSessions(db, new Date("2021-01-01T00:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });
});
