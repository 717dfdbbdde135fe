import { callDetail } from "@/lib/calls/console-calls";
import { callIdSchema } from "@/lib/calls/route-params";
import { liveBus } from "@/lib/live/bus";
import { callsVersion, notModified } from "@/lib/live/calls-version";
import { dataNow } from "@/lib/server/clock";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

/** GET /api/calls/<id> — one call with its whole stored trail, oldest first; 304 when unchanged. */
export const GET = withRole<{ id: string }>("telecommunicator", async ({ req, params, user, db }) => {
  const id = callIdSchema.parse(params.id);
  const etag = callsVersion(liveBus()).etag(["call", id, user.id]);
  const unchanged = notModified(req, etag, dataNow());
  if (unchanged) return unchanged;
  const body = await callDetail(db, user, id);
  return jsonResponse(body, { headers: { etag, "x-server-time": String(body.serverTime) } });
});
