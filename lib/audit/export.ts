/** Stream the filtered audit trail as CSV, a batch at a time, newest first. */
import "server-only";
import type { Db } from "@/lib/db/client";
import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from "./csv";
import type { AuditFilters } from "./filters";
import { queryAudit } from "./query";

const BATCH = 500;

export function auditCsvStream(
  db: Db,
  filters: AuditFilters,
  maxRows: number,
  /** Only rows older than this id: a snapshot that rows written during the export do not join. */
  beforeId?: number,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before: number | undefined = beforeId;
  let sent = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // A byte-order mark lets spreadsheet programs read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(AUDIT_CSV_HEADER)}`));
        return;
      }
      const limit = Math.min(BATCH, maxRows - sent);
      if (limit <= 0) {
        controller.close();
        return;
      }
      const page = await queryAudit(db, filters, { before, limit });
      if (page.rows.length > 0) {
        controller.enqueue(encoder.encode(page.rows.map(auditCsvLine).join("")));
        sent += page.rows.length;
      }
      if (page.nextBefore === null) controller.close();
      else before = page.nextBefore;
    },
  });
}
