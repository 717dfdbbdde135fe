/**
 * Audit retention (CJIS: at least a year). Rows older than AUDIT_RETENTION_DAYS are first written
 * to a CSV file in `DATA_DIR/audit-archive/` (flushed to disk, then renamed into place), and only
 * then deleted, in one transaction that opens the trigger's one exception (migration 0003): the
 * setting `dispatcher_map.audit_purge_before`, local to that transaction, which the trigger honours
 * only for rows older than it and only when it is itself at least 365 days back. Nothing else in
 * the app sets it; UPDATE and TRUNCATE stay refused. Admins download the files from the settings page.
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { and, asc, gt, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from "./csv";
import { recordAudit } from "./record";

export const ARCHIVE_DIR = "audit-archive";
export const MIN_AUDIT_RETENTION_DAYS = 365;
const BATCH = 1000;
const ARCHIVE_NAME = /^audit-until-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.csv$/;

export interface AuditPurge {
  rows: number;
  file: string | null;
  cutoff: string;
}

export const archiveDir = (dataDir: string) => path.join(dataDir, ARCHIVE_DIR);

export async function archiveAndPurgeAudit(db: Db, dataDir: string, retentionDays: number, now = new Date()): Promise<AuditPurge> {
  const days = Math.max(MIN_AUDIT_RETENTION_DAYS, retentionDays);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const name = `audit-until-${cutoff.toISOString().slice(0, 19).replace(/:/g, "-")}Z.csv`;
  const dir = archiveDir(dataDir);
  const final = path.join(dir, name);
  const partial = `${final}.partial`;

  let lastId = 0;
  let rows = 0;
  let fd: number | null = null;
  try {
    for (;;) {
      const page = await db
        .select()
        .from(auditLog)
        .where(and(lt(auditLog.at, cutoff), gt(auditLog.id, lastId)))
        .orderBy(asc(auditLog.id))
        .limit(BATCH);
      if (page.length === 0) break;
      if (fd === null) {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        fd = fs.openSync(partial, "w", 0o600);
        fs.writeSync(fd, `\uFEFF${csvLine(AUDIT_CSV_HEADER)}`);
      }
      fs.writeSync(fd, page.map(auditCsvLine).join(""));
      rows += page.length;
      lastId = page[page.length - 1]!.id;
    }
    if (fd === null) return { rows: 0, file: null, cutoff: cutoff.toISOString() };
    fs.fsyncSync(fd);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  // The file is whole and on disk before a single row goes.
  fs.renameSync(partial, final);

  const deleted = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('dispatcher_map.audit_purge_before', ${cutoff.toISOString()}, true)`);
    const gone = await tx
      .delete(auditLog)
      .where(and(lt(auditLog.at, cutoff), lte(auditLog.id, lastId)))
      .returning({ id: auditLog.id });
    return gone.length;
  });
  await recordAudit(
    {
      action: "audit.purge",
      outcome: "success",
      target: name,
      detail: { exported: rows, deleted, cutoff: cutoff.toISOString(), retentionDays: days, file: name },
      at: now,
    },
    db,
  );
  return { rows: deleted, file: name, cutoff: cutoff.toISOString() };
}

export interface AuditArchive {
  name: string;
  bytes: number;
  createdAt: string;
}

export function listAuditArchives(dataDir: string): AuditArchive[] {
  const dir = archiveDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => ARCHIVE_NAME.test(n))
    .map((n) => {
      const st = fs.statSync(path.join(dir, n));
      return { name: n, bytes: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.name.localeCompare(a.name))
    .slice(0, 500);
}

/** The path of an archive by its name, or null: only names the job makes, never a path. */
export function auditArchivePath(dataDir: string, name: string): string | null {
  if (!ARCHIVE_NAME.test(name)) return null;
  const file = path.join(archiveDir(dataDir), name);
  return fs.existsSync(file) ? file : null;
}

/** The audit table's size on disk (rows, indexes, TOAST) and its row count estimate. */
export async function auditTableSize(db: Db): Promise<{ bytes: number; rows: number }> {
  const result = await db.execute(
    sql`select pg_total_relation_size('audit_log')::bigint as bytes, (select count(*) from audit_log)::bigint as rows`,
  );
  const row = ((result as unknown as { rows?: Record<string, unknown>[] }).rows ?? (result as unknown as Record<string, unknown>[]))[0] ?? {};
  return { bytes: Number(row.bytes ?? 0), rows: Number(row.rows ?? 0) };
}
