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
  const etagOf = (version: number) => `"ad-${id}-${version}"`;
  const unchanged = notModified(req, etagOf(await additionalDataVersion(db, id)), dataNow());
  if (unchanged) return unchanged;
  const body = await viewAdditionalData({ db, user, meta, context: "console" }, id);
  // The ETag of the document sent, not of the version checked above: a newer one may have been
  // stored in between, and an older ETag would have the next poll fetch (and audit) it all again.
  return jsonResponse(body, { headers: { etag: etagOf(body.version), "x-server-time": String(body.serverTime) } });
});
