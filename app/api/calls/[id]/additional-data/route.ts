import { additionalDataVersion } from "@/lib/additional-data/store";
import { viewAdditionalData } from "@/lib/additional-data/view";
import { callIdSchema } from "@/lib/calls/route-params";
import { notModified } from "@/lib/live/calls-version";
import { dataNow } from "@/lib/server/clock";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

/**
 * GET /api/calls/<id>/additional-data — the call's RAD-E data as stored by the tracker, reshaped
 * for the cards; audited as additional_data.view whenever it is sent. A console's poll that finds
 * the same version gets a 304, which sends (and so audits) nothing.
 */
export const GET = withRole<{ id: string }>("telecommunicator", async ({ req, params, user, meta, db }) => {
  const id = callIdSchema.parse(params.id);
  const etag = `"ad-${id}-${await additionalDataVersion(db, id)}"`;
  const unchanged = notModified(req, etag, dataNow());
  if (unchanged) return unchanged;
  const body = await viewAdditionalData({ db, user, meta, context: "console" }, id);
  return jsonResponse(body, { headers: { etag, "x-server-time": String(body.serverTime) } });
});
