/**
 * One PostgreSQL for the app: PGlite (embedded, a folder on disk) by default, a PostgreSQL server
 * when DATABASE_URL is set. Callers see the same Drizzle database either way, plus the two Postgres
 * features the app relies on across instances: LISTEN/NOTIFY and session advisory locks.
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { getConfig } from "@/lib/config/env";
import { log } from "@/lib/server/log";
import { dropSingleton, singleton } from "@/lib/server/singleton";
import { startPgliteThread } from "./pglite-thread";
import { schema } from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbTarget =
  /**
   * dir null: in memory (tests). thread: run PGlite on its own worker thread (the app does), so
   * its queries never stall request handling; tests of everything else keep it inline.
   */
  | {
      kind: "pglite";
      dir: string | null;
      thread?: boolean;
      onLost?: () => void;
      /**
       * In memory only: start from this dump of a data folder (`PGlite.dumpDataDir`) instead of a new
       * cluster. Creating a cluster costs seconds; a dump of one already migrated loads in about one
       * (the tests open hundreds of databases from one, see testing/pglite-template.ts).
       */
      from?: Blob;
    }
  | { kind: "postgres"; url: string };

export interface Database {
  kind: DbTarget["kind"];
  db: Db;
  /** Subscribe to a NOTIFY channel; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Try to become the one instance that runs a cluster-wide job. Uses a session advisory lock held
   * on a dedicated connection: if this process dies, its connection drops and another takes over.
   */
  tryLead(job: string): Promise<boolean>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");

/** Stable 32-bit key for an advisory lock name. */
function lockKey(job: string): number {
  let h = 2166136261;
  for (let i = 0; i < job.length; i++) {
    h ^= job.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h | 0;
}

export async function openDatabase(target: DbTarget): Promise<Database> {
  if (target.kind === "postgres") return openPostgres(target.url);
  if (target.from && (target.dir !== null || target.thread)) throw new Error("a PGlite dump opens only in memory and inline");
  return target.thread ? openPgliteThread(target.dir, target.onLost) : openPglite(target.dir, target.from);
}

async function openPgliteThread(dir: string | null, onLost?: () => void): Promise<Database> {
  const thread = await startPgliteThread(dir, MIGRATIONS_FOLDER, (err) => {
    log().error({ err: err.message }, "the embedded database's thread stopped; the next request opens it again");
    onLost?.();
  });
  // Drizzle's PGlite driver uses only query and transaction, which the thread provides.
  return embeddedDatabase(thread as unknown as PGlite);
}

async function openPglite(dir: string | null, from?: Blob): Promise<Database> {
  return embeddedDatabase(await migratedPglite(dir, from));
}

/** A PGlite client (in a folder, or in memory, from a dump if given) with every migration applied. */
export async function migratedPglite(dir: string | null, from?: Blob): Promise<PGlite> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = dir ? await PGlite.create(dir) : await PGlite.create(from ? { loadDataDir: from } : {});
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  return client;
}

/** A PGlite, inline or on its thread (already migrated), as the app's Database. */
function embeddedDatabase(client: Pick<PGlite, "query" | "transaction" | "listen" | "close">): Database {
  return {
    kind: "pglite",
    db: drizzlePglite({ client: client as PGlite, schema }) as unknown as Db,
    async listen(channel, onPayload) {
      const stop = await client.listen(channel, onPayload);
      return async () => stop();
    },
    async notify(channel, payload) {
      await client.query("select pg_notify($1, $2)", [channel, payload]);
    },
    // One process owns a PGlite folder, so it always leads.
    async tryLead() {
      return true;
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => undefined); // an idle client dropped; the pool replaces it
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });

  // LISTEN and advisory locks belong to a session, so each gets a dedicated connection.
  let listener: pg.Client | null = null;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const connectListener = async (): Promise<pg.Client> => {
    if (listener) return listener;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on("notification", (msg) => {
      handlers.get(msg.channel)?.forEach((h) => h(msg.payload ?? ""));
    });
    client.on("error", () => {
      listener = null;
      // Reconnect and re-subscribe; nudges missed meanwhile are covered by client polling.
      setTimeout(() => {
        void connectListener()
          .then(async (c) => {
            for (const channel of handlers.keys()) await c.query(`LISTEN "${channel}"`);
          })
          .catch(() => undefined);
      }, 1000);
    });
    listener = client;
    return client;
  };

  let leader: pg.Client | null = null;
  const held = new Set<string>();

  return {
    kind: "postgres",
    db,
    async listen(channel, onPayload) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      const client = await connectListener();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await client.query(`LISTEN "${channel}"`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async notify(channel, payload) {
      await pool.query("select pg_notify($1, $2)", [channel, payload]);
    },
    async tryLead(job) {
      if (held.has(job)) {
        // Still ours only if the session that holds it is alive.
        try {
          await leader?.query("select 1");
          return true;
        } catch {
          held.clear();
          leader = null;
        }
      }
      if (!leader) {
        const client = new pg.Client({ connectionString: url });
        client.on("error", () => {
          held.clear();
          leader = null;
        });
        await client.connect();
        leader = client;
      }
      const res = await leader.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [
        lockKey(job),
      ]);
      if (res.rows[0]?.ok) held.add(job);
      return held.has(job);
    },
    async close() {
      await Promise.allSettled([listener?.end(), leader?.end()]);
      await pool.end();
    },
  };
}

/** The running app's database, opened (and migrated) on first use. */
export function getDatabase(): Promise<Database> {
  return singleton("database", () => {
    const { database } = getConfig();
    const opening = openDatabase(
      database.kind === "pglite"
        ? { kind: "pglite", dir: database.dir, thread: true, onLost: () => dropSingleton("database") }
        : { kind: "postgres", url: database.url.reveal() },
    );
    // A failed open is not cached: the next caller tries again.
    opening.catch(() => dropSingleton("database"));
    return opening;
  });
}

/** Shorthand for route handlers and services: the Drizzle database. */
export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
