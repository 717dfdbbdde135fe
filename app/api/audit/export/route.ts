import { auditFilterSchema } from "@/lib/audit/filters";
import { exportAudit } from "@/lib/audit/audit-trail";
import { downloadResponse, readQuery } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The filtered audit trail as CSV (same filters as the audit page). The export is audited. */
export const GET = withRole("supervisor", async ({ req, user, meta, db }) => {
  const filters = readQuery(req, auditFilterSchema);
  const file = await exportAudit(db, user, filters, meta);
  return downloadResponse({ body: file.body, contentType: "text/csv; charset=utf-8", filename: file.filename });
});
