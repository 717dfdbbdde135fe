import { z } from "zod";
import { callIdSchema } from "@/lib/calls/route-params";
import { nearestDevicesForCall } from "@/lib/review/audited-review";
import { jsonResponse, readQuery } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  at: z.coerce.number().int().nonnegative(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

/** GET /api/review/calls/<id>/devices?at=<ms> — the stored body-camera positions nearest the caller then. */
export const GET = withRole<{ id: string }>("supervisor", async ({ req, params, user, db }) => {
  const { at, limit } = readQuery(req, querySchema);
  return jsonResponse(await nearestDevicesForCall(db, user, callIdSchema.parse(params.id), at, { limit }));
});
