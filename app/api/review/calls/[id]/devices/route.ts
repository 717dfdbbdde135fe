import { z } from "zod";
import { callIdSchema } from "@/lib/calls/route-params";
import { getDb } from "@/lib/db/client";
import { nearestDevicesForCall } from "@/lib/review/service";
import { jsonResponse, readQuery, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  at: z.coerce.number().int().nonnegative(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

/** GET /api/review/calls/<id>/devices?at=<ms> — the stored body-camera positions nearest the caller then. */
export const GET = withRole<{ id: string }>("supervisor", async ({ req, params, user }) => {
  const { at, limit } = readQuery(req, querySchema);
  return jsonResponse(await nearestDevicesForCall(await getDb(), user, callIdSchema.parse(params.id), at, { limit }));
});
