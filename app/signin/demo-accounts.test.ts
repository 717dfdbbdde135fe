import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, ensureInitialAccounts } from "@/lib/auth/initial-accounts";
import { Secret } from "@/lib/config/secret";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { demoAccountsHint } from "./demo-accounts";

const demoPassword = new Secret("sandbox-demo");

describe.each(backends)("demo accounts on the sign-in page, $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("sandbox on: every demo account with its role, and the demo password", async () => {
    const initial = await ensureInitialAccounts(database.db, { sandbox: true, demoPassword, admin: null });
    expect(await demoAccountsHint(database.db, initial, true)).toEqual({
      accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })),
      password: "sandbox-demo",
    });
  });

  it("a demo account an admin disabled since start-up is no longer listed", async () => {
    const initial = await ensureInitialAccounts(database.db, { sandbox: true, demoPassword, admin: null });
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, "supervisor@sandbox.local"));
    const hint = await demoAccountsHint(database.db, initial, true);
    expect(hint?.accounts.map((a) => a.email)).toEqual(["telecommunicator@sandbox.local", "admin@sandbox.local"]);
  });

  it("sandbox off: nothing is listed, whatever start-up reported", async () => {
    const on = await ensureInitialAccounts(database.db, { sandbox: true, demoPassword, admin: null });
    expect(await demoAccountsHint(database.db, on, false)).toBeNull();
    const off = await ensureInitialAccounts(database.db, {
      sandbox: false,
      demoPassword,
      admin: { email: "chief@ecc.test", password: new Secret("chief password 1") },
    });
    expect(await demoAccountsHint(database.db, off, true)).toBeNull();
    expect(await demoAccountsHint(database.db, off, false)).toBeNull();
  });
});
