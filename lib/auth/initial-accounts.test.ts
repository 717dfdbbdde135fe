import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "@/lib/config/secret";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { signInWithPassword } from "./credentials";
import { DEMO_ACCOUNTS, describeInitialAccounts, ensureInitialAccounts } from "./initial-accounts";
import { createSession, checkSession } from "./sessions";
import { auditRows, ORIGIN, TEST_POLICY, userByEmail } from "./testing";

const sandboxOn = { sandbox: true, demoPassword: new Secret("sandbox-demo"), admin: null };
const signIn = (db: Database["db"], email: string, password: string) =>
  signInWithPassword(db, { email, password }, ORIGIN, TEST_POLICY, new Date());

describe.each(backends)("initial accounts on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("sandbox on: one demo account per role, with the demo password, printed at start-up", async () => {
    const db = database.db;
    const result = await ensureInitialAccounts(db, sandboxOn);
    expect(result.demo.map((d) => d.email)).toEqual(DEMO_ACCOUNTS.map((d) => d.email));
    for (const d of DEMO_ACCOUNTS) {
      expect(await userByEmail(db, d.email)).toMatchObject({ role: d.role, demo: true, disabledAt: null });
      expect((await signIn(db, d.email, "sandbox-demo")).ok).toBe(true);
    }
    const lines = describeInitialAccounts(result).join("\n");
    expect(lines).toContain("password: sandbox-demo");
    expect(lines).toContain("admin@sandbox.local");
    // Idempotent: a second start changes nothing.
    const before = (await auditRows(db)).length;
    await ensureInitialAccounts(db, sandboxOn);
    expect((await auditRows(db, "admin.user_create")).length).toBe(3);
    expect((await auditRows(db)).length).toBe(before);
  });

  it("follows a changed DEMO_PASSWORD so the printed password works", async () => {
    const db = database.db;
    await ensureInitialAccounts(db, { ...sandboxOn, demoPassword: new Secret("another-demo") });
    expect((await signIn(db, "supervisor@sandbox.local", "another-demo")).ok).toBe(true);
    expect((await signIn(db, "supervisor@sandbox.local", "sandbox-demo")).ok).toBe(false);
  });

  it("sandbox off: demo accounts are disabled (sessions end) and the first admin comes from ADMIN_EMAIL", async () => {
    const db = database.db;
    const demo = await userByEmail(db, "admin@sandbox.local");
    const sid = await createSession(db, demo!.id, ORIGIN, new Date());
    const result = await ensureInitialAccounts(db, {
      sandbox: false,
      demoPassword: new Secret("sandbox-demo"),
      admin: { email: "Chief@ECC.test", password: new Secret("chief password 1") },
    });
    expect(result.demoDisabled).toBe(3);
    expect(result.admin).toEqual({ email: "chief@ecc.test", outcome: "created" });
    expect((await checkSession(db, sid, TEST_POLICY, ORIGIN, new Date())).status).toBe("ended");
    expect(await signIn(db, "admin@sandbox.local", "another-demo")).toEqual({ ok: false, reason: "disabled" });
    expect((await signIn(db, "chief@ecc.test", "chief password 1")).ok).toBe(true);
    expect(describeInitialAccounts(result).join("\n")).not.toMatch(/password:|sandbox-demo/);
    // Later starts leave the admin alone even if ADMIN_PASSWORD changed.
    const again = await ensureInitialAccounts(db, { sandbox: false, demoPassword: new Secret("x".repeat(8)), admin: { email: "chief@ecc.test", password: new Secret("changed password") } });
    expect(again.admin?.outcome).toBe("present");
    expect((await signIn(db, "chief@ecc.test", "chief password 1")).ok).toBe(true);
  });

  it("restores ADMIN_EMAIL's account when no active admin is left (break-glass)", async () => {
    const db = database.db;
    await db.update(users).set({ lockedAt: new Date() }).where(eq(users.email, "chief@ecc.test"));
    const result = await ensureInitialAccounts(db, { sandbox: false, demoPassword: new Secret("x".repeat(8)), admin: { email: "chief@ecc.test", password: new Secret("recovery password") } });
    expect(result.admin?.outcome).toBe("restored");
    expect((await signIn(db, "chief@ecc.test", "recovery password")).ok).toBe(true);
  });

  it("warns when the sandbox is off and there is no admin and no ADMIN_EMAIL", async () => {
    const fresh = await backend.open();
    try {
      const result = await ensureInitialAccounts(fresh.db, { sandbox: false, demoPassword: new Secret("x".repeat(8)), admin: null });
      expect(result.warnings.join(" ")).toMatch(/ADMIN_EMAIL/);
      expect(await auditRows(fresh.db)).toHaveLength(0);
    } finally {
      await fresh.close();
    }
  });
});
