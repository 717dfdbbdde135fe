import { z } from "zod";
import { listReviewAlerts } from "@/lib/alerts/review";
import { jsonResponse, readQuery } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = z.object({ from: z.coerce.number().int().positive().optional(), to: z.coerce.number().int().positive().optional() });

/** GET /api/review/alerts?from=&to= (UNIX ms) — stored alerts for review; audited. */
export const GET = withRole("supervisor", async ({ req, user, meta, db }) =>
  jsonResponse(await listReviewAlerts(db, user, readQuery(req, querySchema), meta)),
);
