import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { recordAudit } from "./record";
import { archiveAndPurgeAudit, auditArchivePath, auditTableSize, listAuditArchives } from "./retention";

const DAY = 86_400_000;

describe.each(backends)("audit retention on $name", (backend) => {
  let database: Database;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dm-audit-retention-"));
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const refused = async (run: () => Promise<unknown>) => {
    try {
      await run();
      return false;
    } catch (err) {
      return /append-only/.test(String((err as { cause?: unknown }).cause ?? err));
    }
  };

  it("exports rows older than the retention to a file, then purges exactly those", async () => {
    const db = database.db;
    const now = new Date();
    for (const ageDays of [800, 400, 366, 364, 10]) {
      await recordAudit({ action: "auth.signin", outcome: "failure", target: `=age ${ageDays}`, at: new Date(now.getTime() - ageDays * DAY) }, db);
    }
    const before = await auditTableSize(db);
    expect(before.rows).toBe(5);
    expect(before.bytes).toBeGreaterThan(0);

    const purge = await archiveAndPurgeAudit(db, dataDir, 365, now);
    expect(purge.rows).toBe(3);
    const [archive] = listAuditArchives(dataDir);
    expect(archive?.name).toBe(purge.file);
    const csv = fs.readFileSync(auditArchivePath(dataDir, archive!.name)!, "utf8");
    expect(csv.trim().split("\r\n")).toHaveLength(4);
    for (const age of [800, 400, 366]) expect(csv).toContain(`'=age ${age}`);
    expect(fs.statSync(path.join(dataDir, "audit-archive", archive!.name)).mode & 0o777).toBe(0o600);

    const left = await db.select().from(auditLog);
    expect(left.map((r) => r.target).filter((t) => t?.startsWith("=age"))).toEqual(["=age 364", "=age 10"]);
    expect(left.find((r) => r.action === "audit.purge")?.detail).toMatchObject({ exported: 3, deleted: 3, retentionDays: 365 });
    // Only names the job makes are ever served.
    expect(auditArchivePath(dataDir, "../../etc/passwd")).toBeNull();
  });

  it("keeps the table append-only for everyone else: no delete without the job's setting, none under a year, no update", async () => {
    const db = database.db;
    const old = await recordAudit({ action: "auth.signin", outcome: "failure", target: "old", at: new Date(Date.now() - 500 * DAY) }, db);
    expect(await refused(() => db.delete(auditLog).where(sql`${auditLog.id} = ${old.id}`))).toBe(true);
    // A setting that reaches into the last year is ignored by the trigger.
    const tooRecent = new Date(Date.now() - 30 * DAY).toISOString();
    expect(
      await refused(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('dispatcher_map.audit_purge_before', ${tooRecent}, true)`);
          await tx.delete(auditLog).where(sql`${auditLog.id} = ${old.id}`);
        }),
      ),
    ).toBe(true);
    const allowed = new Date(Date.now() - 400 * DAY).toISOString();
    expect(
      await refused(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('dispatcher_map.audit_purge_before', ${allowed}, true)`);
          await tx.update(auditLog).set({ target: "rewritten" }).where(sql`${auditLog.id} = ${old.id}`);
        }),
      ),
    ).toBe(true);
    expect(await refused(() => db.execute(sql`truncate audit_log`))).toBe(true);
    // And the retention setting never goes under a year, whatever it is given.
    const purge = await archiveAndPurgeAudit(db, dataDir, 30, new Date());
    expect(purge.cutoff.slice(0, 10)).toBe(new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10));
  });
});
