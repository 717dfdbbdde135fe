/** What the audit page and its API do: read or export the trail, and audit that they did. */
import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/server/http";
import { auditCsvStream } from "./export";
import { filtersToSearchParams, type AuditFilters } from "./filters";
import { countAudit, queryAudit, type AuditPage } from "./query";
import { recordAudit } from "./record";

export const MAX_EXPORT_ROWS = 100_000;

const describeFilters = (filters: AuditFilters) => Object.fromEntries(filtersToSearchParams(filters));

export async function viewAudit(
  db: Db,
  user: SessionUser,
  filters: AuditFilters,
  page: { before?: number; limit?: number },
  meta: RequestMeta,
): Promise<AuditPage> {
  const result = await queryAudit(db, filters, page);
  await recordAudit(
    {
      action: "audit.view",
      outcome: "success",
      actor: user,
      meta,
      detail: { filters: describeFilters(filters), before: page.before ?? null, rows: result.rows.length },
    },
    db,
  );
  return result;
}

export async function exportAudit(
  db: Db,
  user: SessionUser,
  filters: AuditFilters,
  meta: RequestMeta,
): Promise<{ body: ReadableStream<Uint8Array>; rows: number; filename: string }> {
  const rows = Math.min(await countAudit(db, filters), MAX_EXPORT_ROWS);
  // Recorded before the file is produced, so the export itself is in the trail (and in the file).
  const row = await recordAudit(
    { action: "audit.export", outcome: "success", actor: user, meta, detail: { filters: describeFilters(filters), rows, format: "csv" } },
    db,
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  // Rows written while the file streams are left out: the file is the trail as of this export.
  return { body: auditCsvStream(db, filters, MAX_EXPORT_ROWS, row.id + 1), rows, filename: `audit-${stamp}.csv` };
}
