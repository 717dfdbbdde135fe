import { auditFilterSchema } from "@/lib/audit/filters";
import { exportAudit } from "@/lib/audit/service";
import { getDb } from "@/lib/db/client";
import { readQuery, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** The filtered audit trail as CSV (same filters as the audit page). The export is audited. */
export const GET = withRole("supervisor", async ({ req, user, meta }) => {
  const filters = readQuery(req, auditFilterSchema);
  const file = await exportAudit(await getDb(), user, filters, meta);
  return new Response(file.body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
