import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { HttpError } from "@/lib/server/http";
import { backends } from "@/testing/databases";
import { signInWithPassword } from "./credentials";
import { checkSession, createSession } from "./sessions";
import { auditRows, clock, insertUser, ORIGIN, TEST_POLICY } from "./testing";
import { createUser, listUsers, resetPassword, updateUser } from "./users";

const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof HttpError ? e.status : 500),
  );

describe.each(backends)("account administration on $name", (backend) => {
  let database: Database;
  let admin: { id: string; email: string };
  beforeAll(async () => {
    database = await backend.open();
    admin = await insertUser(database.db, "boss@ecc.test", "admin");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("creates an account that can sign in, audited without its password", async () => {
    const db = database.db;
    const created = await createUser(db, admin, { email: "New.Hire@ECC.test", name: " Nia Hire ", role: "supervisor", password: "first password 1" }, ORIGIN);
    expect(created).toMatchObject({ email: "new.hire@ecc.test", name: "Nia Hire", role: "supervisor", disabled: false, locked: false, demo: false });
    expect((await signInWithPassword(db, { email: "new.hire@ecc.test", password: "first password 1" }, ORIGIN, TEST_POLICY, new Date())).ok).toBe(true);
    const [row] = (await auditRows(db, "admin.user_create")).filter((r) => r.target === "new.hire@ecc.test");
    expect(row).toMatchObject({ actorEmail: "boss@ecc.test", ip: ORIGIN.ip, detail: { role: "supervisor" } });
    expect(JSON.stringify(await auditRows(db))).not.toContain("first password 1");
    expect((await listUsers(db)).map((u) => u.email)).toContain("new.hire@ecc.test");
  });

  it("refuses a duplicate e-mail (409) and a short password (400)", async () => {
    const db = database.db;
    await insertUser(db, "dup@ecc.test");
    expect(await status(createUser(db, admin, { email: "DUP@ecc.test", name: "D", role: "admin", password: "long enough pw" }, ORIGIN))).toBe(409);
    expect(await status(createUser(db, admin, { email: "short@ecc.test", name: "S", role: "admin", password: "short" }, ORIGIN))).toBe(400);
  });

  it("changes a role and records from → to", async () => {
    const db = database.db;
    const u = await insertUser(db, "promote@ecc.test");
    const view = await updateUser(db, admin, u.id, { role: "supervisor", name: "Promoted" }, ORIGIN);
    expect(view).toMatchObject({ role: "supervisor", name: "Promoted" });
    const [row] = (await auditRows(db, "admin.user_update")).filter((r) => r.target === "promote@ecc.test");
    expect(row?.detail).toMatchObject({ changes: { role: { from: "telecommunicator", to: "supervisor" }, name: { from: "promote", to: "Promoted" } } });
    // No change, no row.
    await updateUser(db, admin, u.id, { role: "supervisor" }, ORIGIN);
    expect((await auditRows(db, "admin.user_update")).filter((r) => r.target === "promote@ecc.test")).toHaveLength(1);
  });

  it("disabling ends the user's sessions and stops sign-in; enabling lets them back", async () => {
    const db = database.db;
    const u = await insertUser(db, "leaver@ecc.test");
    const c = clock();
    const sid = await createSession(db, u.id, ORIGIN, c.now());
    await updateUser(db, admin, u.id, { disabled: true }, ORIGIN, c.advance(1000));
    expect(await checkSession(db, sid, TEST_POLICY, ORIGIN, c.advance(1000))).toEqual({ status: "ended", reason: "disabled" });
    expect(await signInWithPassword(db, { email: "leaver@ecc.test", password: "a long enough password" }, ORIGIN, TEST_POLICY, c.now())).toEqual({ ok: false, reason: "disabled" });
    await updateUser(db, admin, u.id, { disabled: false }, ORIGIN, c.advance(1000));
    expect((await signInWithPassword(db, { email: "leaver@ecc.test", password: "a long enough password" }, ORIGIN, TEST_POLICY, c.advance(1000))).ok).toBe(true);
  });

  it("never leaves the center without an active admin", async () => {
    const fresh = await backend.open();
    try {
      const db = fresh.db;
      const only = await insertUser(db, "only-admin@ecc.test", "admin");
      expect(await status(updateUser(db, only, only.id, { disabled: true }, ORIGIN))).toBe(409);
      expect(await status(updateUser(db, only, only.id, { role: "supervisor" }, ORIGIN))).toBe(409);
      const second = await insertUser(db, "second-admin@ecc.test", "admin");
      expect((await updateUser(db, only, only.id, { role: "supervisor" }, ORIGIN)).role).toBe("supervisor");
      expect(await status(updateUser(db, second, second.id, { disabled: true }, ORIGIN))).toBe(409);
    } finally {
      await fresh.close();
    }
  });

  it("resets a password: the old one stops working and sessions end", async () => {
    const db = database.db;
    const u = await insertUser(db, "forgot@ecc.test");
    const c = clock();
    const sid = await createSession(db, u.id, ORIGIN, c.now());
    await resetPassword(db, admin, u.id, "brand new password", ORIGIN, c.advance(1000));
    expect((await checkSession(db, sid, TEST_POLICY, ORIGIN, c.advance(1000))).status).toBe("ended");
    expect((await signInWithPassword(db, { email: "forgot@ecc.test", password: "a long enough password" }, ORIGIN, TEST_POLICY, c.now())).ok).toBe(false);
    expect((await signInWithPassword(db, { email: "forgot@ecc.test", password: "brand new password" }, ORIGIN, TEST_POLICY, c.advance(1000))).ok).toBe(true);
    const [row] = (await auditRows(db, "admin.password_reset")).filter((r) => r.target === "forgot@ecc.test");
    expect(row).toMatchObject({ actorEmail: "boss@ecc.test", detail: { sessionsEnded: 1 } });
    expect(JSON.stringify(row)).not.toContain("brand new password");
    expect(await status(resetPassword(db, admin, u.id, "too short", ORIGIN))).toBe(400);
  });

  it("answers 404 for an unknown user", async () => {
    expect(await status(updateUser(database.db, admin, "00000000-0000-4000-8000-000000000000", { name: "x" }, ORIGIN))).toBe(404);
  });
});
