/**
 * Database tests run against every real backend available: PGlite (always) and a PostgreSQL server
 * when TEST_DATABASE_URL is set (CI starts one). Each opened database is fresh and migrated.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/client";

export interface Backend {
  name: "pglite" | "postgres";
  /** Open a fresh, migrated, empty database. */
  open(): Promise<Database>;
}

// Test tooling only; the app's configuration is lib/config/env.ts.
const serverUrl = process.env.TEST_DATABASE_URL;

export const backends: Backend[] = [
  { name: "pglite", open: () => openDatabase({ kind: "pglite", dir: null }) },
  ...(serverUrl ? [{ name: "postgres" as const, open: () => openFreshPostgres(serverUrl) }] : []),
];

/** The app's own embedded database: PGlite on its worker thread (for the database layer's tests). */
export const pgliteThread: Backend = {
  name: "pglite",
  open: () => openDatabase({ kind: "pglite", dir: null, thread: true }),
};

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
