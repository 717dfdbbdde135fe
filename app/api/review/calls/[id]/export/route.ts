import { z } from "zod";
import { callIdSchema } from "@/lib/calls/route-params";
import { exportReviewCall } from "@/lib/review/audited-review";
import { downloadResponse, readQuery } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["csv", "geojson"]).default("csv") });

/** GET /api/review/calls/<id>/export?format=csv|geojson — a download; audited before it is sent. */
export const GET = withRole<{ id: string }>("supervisor", async ({ req, params, user, meta, db }) => {
  const { format } = readQuery(req, querySchema);
  const file = await exportReviewCall(db, user, callIdSchema.parse(params.id), format, meta);
  return downloadResponse(file);
});
