/**
 * Accounts, sessions and the audit trail survive a restart: migrations run on an empty database
 * and again, as a no-op, on an existing one.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { Secret } from "@/lib/config/secret";
import { openDatabase, type DbTarget } from "@/lib/db/client";
import { signInWithPassword } from "./credentials";
import { ensureInitialAccounts } from "./initial-accounts";
import { checkSession } from "./sessions";
import { auditRows, ORIGIN, TEST_POLICY } from "./testing";

interface Target {
  name: string;
  make(): Promise<{ target: DbTarget; cleanup(): Promise<void> }>;
}

const serverUrl = process.env.TEST_DATABASE_URL;
const targets: Target[] = [
  {
    name: "pglite folder",
    async make() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dm-migrate-"));
      return { target: { kind: "pglite", dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(serverUrl
    ? [
        {
          name: "postgres",
          async make() {
            const name = `dm_migrate_${randomBytes(5).toString("hex")}`;
            const admin = new pg.Client({ connectionString: serverUrl });
            await admin.connect();
            await admin.query(`CREATE DATABASE ${name}`);
            await admin.end();
            const url = new URL(serverUrl);
            url.pathname = `/${name}`;
            return {
              target: { kind: "postgres" as const, url: url.toString() },
              async cleanup() {
                const c = new pg.Client({ connectionString: serverUrl });
                await c.connect();
                await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
                await c.end();
              },
            };
          },
        },
      ]
    : []),
];

describe.each(targets)("accounts across a restart ($name)", (t) => {
  it("migrates an empty database, then re-opens the existing one with everything kept", async () => {
    const { target, cleanup } = await t.make();
    try {
      const first = await openDatabase(target);
      await ensureInitialAccounts(first.db, { sandbox: true, demoPassword: new Secret("sandbox-demo"), admin: null });
      const signedIn = await signInWithPassword(first.db, { email: "supervisor@sandbox.local", password: "sandbox-demo" }, ORIGIN, TEST_POLICY, new Date());
      expect(signedIn.ok).toBe(true);
      const rowsBefore = (await auditRows(first.db)).length;
      await first.close();

      const second = await openDatabase(target);
      try {
        expect((await auditRows(second.db)).length).toBe(rowsBefore);
        if (signedIn.ok) {
          expect((await checkSession(second.db, signedIn.sessionId, TEST_POLICY, ORIGIN, new Date())).status).toBe("active");
        }
        const again = await ensureInitialAccounts(second.db, { sandbox: true, demoPassword: new Secret("sandbox-demo"), admin: null });
        expect(again.demo).toHaveLength(3);
        expect((await auditRows(second.db, "admin.user_create")).length).toBe(3);
      } finally {
        await second.close();
      }
    } finally {
      await cleanup();
    }
    // Two PGlite starts on disk, each migrating or checking every migration, and three scrypt hashes:
    // about 10 s on an idle 2-core machine, three times that when it is busy.
  }, 90_000);
});
