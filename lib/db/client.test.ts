import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PGLITE_TEMPLATE_ENV } from "@/testing/app-server";
import { backends, pgliteThread } from "@/testing/databases";
import { openDatabase, type Database } from "./client";
import { auditLog, users } from "./schema";

const all = [...backends, { ...pgliteThread, name: "pglite on its own thread" }];

describe.each(all)("database on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("creates every table on an empty database", async () => {
    const result = (await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    )) as unknown as { rows: { table_name: string }[] };
    const tables = result.rows.map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "audit_log",
        "call_watches",
        "caller_locations",
        "calls",
        "datashare_deliveries",
        "device_positions",
        "sessions",
        "users",
      ]),
    );
  });

  it("keeps the audit trail append-only", async () => {
    await database.db.insert(auditLog).values({ action: "test.event", outcome: "success" });
    const refusal = async (query: Promise<unknown>) => {
      const err = await query.then(
        () => null,
        (e: unknown) => e,
      );
      // Drizzle wraps the server's error; the reason is in its cause.
      return String((err as { cause?: Error } | null)?.cause?.message ?? err);
    };
    expect(await refusal(database.db.update(auditLog).set({ outcome: "failure" }))).toMatch(
      /append-only/,
    );
    expect(await refusal(database.db.delete(auditLog))).toMatch(/append-only/);
    expect(await refusal(database.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    const rows = await database.db.select().from(auditLog);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.outcome).toBe("success");
  });

  it("carries notifications from NOTIFY to LISTEN", async () => {
    const received: string[] = [];
    const stop = await database.listen("dm_test_channel", (p) => received.push(p));
    await database.notify("dm_test_channel", "hello");
    await expect.poll(() => received, { timeout: 5000 }).toEqual(["hello"]);
    await stop();
  });

  it("gives back what was stored: times, JSON and nulls", async () => {
    const at = new Date("2026-11-29T06:30:00.123Z");
    const [row] = await database.db
      .insert(auditLog)
      .values({ action: "test.roundtrip", outcome: "success", at, detail: { nested: { n: 1, s: "ü" }, list: [1, null] } })
      .returning();
    expect(row?.at).toEqual(at);
    const [read] = await database.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(read?.at).toEqual(at);
    expect(read?.detail).toEqual({ nested: { n: 1, s: "ü" }, list: [1, null] });
    expect(read?.actorId).toBeNull();
  });

  it("commits a transaction whole, and rolls it back whole", async () => {
    const email = (n: string) => `tx-${n}-${backend.name.length}@example.test`;
    const user = (n: string) => ({ email: email(n), name: n, role: "telecommunicator" as const, passwordHash: "x" });
    await database.db.transaction(async (tx) => {
      await tx.insert(users).values(user("a"));
      await tx.insert(users).values(user("b"));
    });
    const failed = database.db.transaction(async (tx) => {
      await tx.insert(users).values(user("c"));
      await tx.insert(users).values(user("a")); // the e-mail is taken: the whole transaction fails
    });
    const err = await failed.then(
      () => null,
      (e: unknown) => e as { cause?: { code?: string } },
    );
    // The server's error code survives the trip (unique violation).
    expect(err?.cause?.code ?? (err as { code?: string } | null)?.code).toBe("23505");
    const emails = (await database.db.select({ email: users.email }).from(users)).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining([email("a"), email("b")]));
    expect(emails).not.toContain(email("c"));
    // The database is usable after the failure.
    await database.db.transaction(async (tx) => {
      await tx.insert(users).values(user("c"));
    });
    expect(await database.db.select().from(users).where(eq(users.email, email("c")))).toHaveLength(1);
  });

  it("elects one leader for a job", async () => {
    expect(await database.tryLead("test-job")).toBe(true);
    expect(await database.tryLead("test-job")).toBe(true);
  });
});

describe("the embedded database on its own thread", () => {
  it("keeps the server's event loop running during a long query", async () => {
    const database = await pgliteThread.open();
    try {
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 5);
      let ticksWhenDone = -1;
      await database.db
        .execute(sql`select count(*) from generate_series(1, 1000000)`)
        .then(() => (ticksWhenDone = ticks));
      clearInterval(timer);
      // On the request thread the query would run in one synchronous block: no tick at all.
      expect(ticksWhenDone).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it("keeps its data in its folder across a restart", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dm-pglite-thread-"));
    try {
      const first = await openDatabase({ kind: "pglite", dir, thread: true });
      await first.db.insert(auditLog).values({ action: "test.kept", outcome: "success" });
      await first.close();
      const second = await openDatabase({ kind: "pglite", dir, thread: true });
      const rows = await second.db.select().from(auditLog).where(eq(auditLog.action, "test.kept"));
      await second.close();
      expect(rows).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says why when its folder cannot be opened", async () => {
    const file = path.join(os.tmpdir(), `dm-not-a-folder-${process.pid}`);
    fs.writeFileSync(file, "x");
    try {
      await expect(openDatabase({ kind: "pglite", dir: file, thread: true })).rejects.toThrow(/EEXIST|ENOTDIR|not a directory|exists/i);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe("the tests' in-memory databases", () => {
  it("start empty from the run's migrated dump, each on its own: one test's rows never reach another's", async () => {
    // The run made its dump and folder (testing/pglite-template.ts), and app servers are told of the
    // folder; without them every open and every server would create a cluster.
    expect(fs.existsSync(inject("pgliteTemplate"))).toBe(true);
    expect(fs.existsSync(path.join(inject("pgliteTemplateDir"), "PG_VERSION"))).toBe(true);
    expect(process.env[PGLITE_TEMPLATE_ENV]).toBe(inject("pgliteTemplateDir"));
    const [pglite] = backends;
    const first = await pglite!.open();
    const second = await pglite!.open();
    try {
      await first.db.insert(users).values({ email: "only-in-first@example.test", name: "First", role: "admin", passwordHash: "x" });
      const count = async (d: Database) => (await d.db.select().from(users)).length;
      expect(await count(first)).toBe(1);
      expect(await count(second)).toBe(0);
      const third = await pglite!.open();
      expect(await count(third)).toBe(0);
      await third.close();
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it("open a dump only in memory and inline", async () => {
    const from = new Blob([]);
    await expect(openDatabase({ kind: "pglite", dir: "/tmp/x", from })).rejects.toThrow(/only in memory/);
    await expect(openDatabase({ kind: "pglite", dir: null, thread: true, from })).rejects.toThrow(/only in memory/);
  });
});
