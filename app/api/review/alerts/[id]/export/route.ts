import { z } from "zod";
import { exportReviewAlert } from "@/lib/alerts/review";
import { alertIdSchema } from "@/lib/alerts/route-deps";
import { downloadResponse, readQuery } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["csv", "geojson"]).default("csv") });

/** GET /api/review/alerts/<id>/export?format=csv|geojson — a download; audited before it is sent. */
export const GET = withRole<{ id: string }>("supervisor", async ({ req, params, user, meta, db }) => {
  const { format } = readQuery(req, querySchema);
  const file = await exportReviewAlert(db, user, alertIdSchema.parse(params.id), format, meta);
  return downloadResponse(file);
});
