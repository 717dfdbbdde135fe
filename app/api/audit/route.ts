import { z } from "zod";
import { auditPageSchema } from "@/lib/audit/filters";
import { viewAudit } from "@/lib/audit/audit-trail";
import { jsonResponse, readQuery } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = auditPageSchema.extend({
  limit: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(1000).optional()),
});

/** The filtered audit trail, newest first; `nextBefore` pages to older rows. */
export const GET = withRole("supervisor", async ({ req, user, meta, db }) => {
  const { before, limit, ...filters } = readQuery(req, querySchema);
  const page = await viewAudit(db, user, filters, { before, limit }, meta);
  return jsonResponse({
    rows: page.rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: page.nextBefore,
  });
});
