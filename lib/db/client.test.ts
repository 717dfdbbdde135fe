import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "@/testing/databases";
import type { Database } from "./client";
import { auditLog } from "./schema";

describe.each(backends)("database on $name", (backend) => {
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

  it("elects one leader for a job", async () => {
    expect(await database.tryLead("test-job")).toBe(true);
    expect(await database.tryLead("test-job")).toBe(true);
  });
});
