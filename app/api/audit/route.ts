import { z } from "zod";
import { auditPageSchema } from "@/lib/audit/filters";
import { viewAudit } from "@/lib/audit/service";
import { getDb } from "@/lib/db/client";
import { jsonResponse, readQuery, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const querySchema = auditPageSchema.extend({
  limit: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(1000).optional()),
});

/** The filtered audit trail, newest first; `nextBefore` pages to older rows. */
export const GET = withRole("supervisor", async ({ req, user, meta }) => {
  const { before, limit, ...filters } = readQuery(req, querySchema);
  const page = await viewAudit(await getDb(), user, filters, { before, limit }, meta);
  return jsonResponse({
    rows: page.rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: page.nextBefore,
  });
});
