import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { checkOidcSignIn, completeOidcSignIn, matchOidcUser } from "./oidc";
import { checkSession } from "./sessions";
import { auditRows, insertUser, ORIGIN, TEST_POLICY, userByEmail } from "./testing";

describe.each(backends)("OIDC sign-in on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lets in an existing account by verified e-mail, then links and uses the subject", async () => {
    const db = database.db;
    const user = await insertUser(db, "idp.user@ecc.test", "supervisor");
    const identity = { subject: "idp|123", email: "IdP.User@ecc.test", emailVerified: true };
    expect(await checkOidcSignIn(db, identity, ORIGIN, new Date())).toBe(true);
    const sid = await completeOidcSignIn(db, identity, ORIGIN, new Date());
    expect(sid).not.toBeNull();
    expect(await checkSession(db, sid!, TEST_POLICY, ORIGIN, new Date())).toMatchObject({ status: "active", user: { id: user.id, role: "supervisor" } });
    expect((await userByEmail(db, "idp.user@ecc.test"))?.oidcSubject).toBe("idp|123");
    // The subject now matches even if the provider's e-mail changes.
    expect(await matchOidcUser(db, { subject: "idp|123", email: "renamed@elsewhere.test", emailVerified: true })).toMatchObject({ ok: true });
    const [row] = (await auditRows(db, "auth.signin")).filter((r) => r.actorId === user.id);
    expect(row).toMatchObject({ outcome: "success", detail: { method: "oidc" } });
  });

  it("never registers anyone and refuses unverified, mismatched, disabled or locked accounts", async () => {
    const db = database.db;
    const now = new Date();
    expect(await matchOidcUser(db, { subject: "new|1", email: "stranger@ecc.test", emailVerified: true })).toMatchObject({ ok: false, reason: "unknown_account" });
    await insertUser(db, "unverified@ecc.test");
    expect(await matchOidcUser(db, { subject: "new|2", email: "unverified@ecc.test", emailVerified: false })).toMatchObject({ ok: false, reason: "email_unverified" });
    // A provider that does not say the address is verified has not verified it.
    expect(await matchOidcUser(db, { subject: "new|3", email: "unverified@ecc.test", emailVerified: null })).toMatchObject({ ok: false, reason: "email_unverified" });
    expect(await checkOidcSignIn(db, { subject: "new|3", email: "unverified@ecc.test", emailVerified: null }, ORIGIN, now)).toBe(false);
    expect(await completeOidcSignIn(db, { subject: "new|3", email: "unverified@ecc.test", emailVerified: null }, ORIGIN, now)).toBeNull();
    expect((await userByEmail(db, "unverified@ecc.test"))?.oidcSubject).toBeNull();
    const linked = await insertUser(db, "linked@ecc.test");
    await db.update(users).set({ oidcSubject: "idp|linked" }).where(eq(users.id, linked.id));
    expect(await matchOidcUser(db, { subject: "idp|other", email: "linked@ecc.test", emailVerified: true })).toMatchObject({ ok: false, reason: "subject_mismatch" });
    const off = await insertUser(db, "off-oidc@ecc.test");
    await db.update(users).set({ disabledAt: now }).where(eq(users.id, off.id));
    expect(await checkOidcSignIn(db, { subject: "idp|off", email: "off-oidc@ecc.test", emailVerified: true }, ORIGIN, now)).toBe(false);
    expect(await completeOidcSignIn(db, { subject: "idp|off", email: "off-oidc@ecc.test", emailVerified: true }, ORIGIN, now)).toBeNull();
    const failures = (await auditRows(db, "auth.signin")).filter((r) => r.outcome === "failure");
    expect(failures.at(-1)).toMatchObject({ actorEmail: "off-oidc@ecc.test", detail: { method: "oidc", reason: "disabled" } });
    expect(await userByEmail(db, "stranger@ecc.test")).toBeUndefined();
    // A lock refuses OIDC too, until it releases by itself.
    const locked = await insertUser(db, "locked-oidc@ecc.test");
    await db.update(users).set({ lockedAt: now }).where(eq(users.id, locked.id));
    const id = { subject: "idp|locked", email: "locked-oidc@ecc.test", emailVerified: true };
    expect(await matchOidcUser(db, id, TEST_POLICY, new Date(now.getTime() + 60_000))).toMatchObject({ ok: false, reason: "locked" });
    expect(await matchOidcUser(db, id, TEST_POLICY, new Date(now.getTime() + TEST_POLICY.lockoutDurationMs))).toMatchObject({ ok: true });
  });
});
