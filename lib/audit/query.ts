/** Read the audit trail: filtered, newest first, a page at a time. */
import "server-only";
import { and, count, desc, eq, gte, like, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import type { AuditFilters } from "./filters";
import type { AuditRow } from "./record";

export const DEFAULT_PAGE_SIZE = 100;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function auditWhere(filters: AuditFilters, beforeId?: number): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filters.user) {
    const pattern = `%${escapeLike(filters.user.toLowerCase())}%`;
    parts.push(
      or(
        sql`lower(${auditLog.actorEmail}) like ${pattern}`,
        sql`lower(${auditLog.target}) like ${pattern}`,
      ),
    );
  }
  if (filters.action) {
    parts.push(
      filters.action.endsWith(".")
        ? like(auditLog.action, `${escapeLike(filters.action)}%`)
        : eq(auditLog.action, filters.action),
    );
  }
  if (filters.outcome) parts.push(eq(auditLog.outcome, filters.outcome));
  if (filters.from) parts.push(gte(auditLog.at, filters.from));
  if (filters.to) parts.push(lte(auditLog.at, filters.to));
  if (filters.phone) parts.push(like(auditLog.phone, `%${escapeLike(filters.phone)}%`));
  if (beforeId !== undefined) parts.push(lt(auditLog.id, beforeId));
  return and(...parts);
}

export interface AuditPage {
  rows: AuditRow[];
  /** Pass as `before` for the next (older) page; null when this was the last. */
  nextBefore: number | null;
}

/** Newest first. Row ids grow with insertion, so they order the trail and page it cheaply. */
export async function queryAudit(
  db: Db,
  filters: AuditFilters,
  options: { before?: number; limit?: number } = {},
): Promise<AuditPage> {
  const limit = Math.min(Math.max(options.limit ?? DEFAULT_PAGE_SIZE, 1), 1000);
  const rows = await db
    .select()
    .from(auditLog)
    .where(auditWhere(filters, options.before))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { rows: page, nextBefore: more ? (page[page.length - 1]?.id ?? null) : null };
}

export async function countAudit(db: Db, filters: AuditFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(auditWhere(filters));
  return row?.n ?? 0;
}
