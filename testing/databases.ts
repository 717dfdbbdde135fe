/**
 * Database tests run against every real backend available: PGlite (always) and a PostgreSQL server
 * when TEST_DATABASE_URL is set (CI starts one). Each opened database is fresh and migrated; an
 * in-memory PGlite starts from the run's migrated dump (testing/pglite-template.ts) when there is one.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/lib/db/client";

export interface Backend {
  name: "pglite" | "postgres";
  /** Open a fresh, migrated, empty database. */
  open(): Promise<Database>;
}

// Test tooling only; the app's configuration is lib/config/env.ts.
const serverUrl = process.env.TEST_DATABASE_URL;

export const backends: Backend[] = [
  { name: "pglite", open: async () => openDatabase({ kind: "pglite", dir: null, from: await pgliteTemplate() }) },
  ...(serverUrl ? [{ name: "postgres" as const, open: () => openFreshPostgres(serverUrl) }] : []),
];

/** The app's own embedded database: PGlite on its worker thread (for the database layer's tests). */
export const pgliteThread: Backend = {
  name: "pglite",
  open: () => openDatabase({ kind: "pglite", dir: null, thread: true }),
};

let template: Promise<Blob | undefined> | undefined;

/** The run's migrated PGlite dump, read once per test file; none outside a Vitest run with the global setup. */
function pgliteTemplate(): Promise<Blob | undefined> {
  template ??= (async () => {
    const file = inject("pgliteTemplate");
    return file ? new Blob([await fs.promises.readFile(file)]) : undefined;
  })();
  return template;
}

async function openFreshPostgres(url: string): Promise<Database> {
  const name = `dm_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: target.toString() });
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
