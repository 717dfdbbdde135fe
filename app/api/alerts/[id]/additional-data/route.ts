import { alertAdditionalDataVersion } from "@/lib/additional-data/store";
import { viewAlertAdditionalData } from "@/lib/additional-data/view";
import { alertIdSchema } from "@/lib/alerts/route-deps";
import { notModified } from "@/lib/live/calls-version";
import { dataNow } from "@/lib/server/clock";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

/**
 * GET /api/alerts/<id>/additional-data — the alert's RAD-E data (by `alert_id`) as the alerts runner
 * stored it, reshaped for the cards; audited as additional_data.view (target `alert:<id>`) whenever
 * it is sent. A console's poll that finds the same version gets a 304, which sends (and audits) nothing.
 */
export const GET = withRole<{ id: string }>("telecommunicator", async ({ req, params, user, meta, db }) => {
  const id = alertIdSchema.parse(params.id);
  const etagOf = (version: number) => `"aad-${encodeURIComponent(id)}-${version}"`;
  const unchanged = notModified(req, etagOf(await alertAdditionalDataVersion(db, id)), dataNow());
  if (unchanged) return unchanged;
  const body = await viewAlertAdditionalData({ db, user, meta, context: "console" }, id);
  // The ETag of the document sent, not of the version checked above: a newer one may have been
  // stored in between, and an older ETag would have the next poll fetch (and audit) it all again.
  return jsonResponse(body, { headers: { etag: etagOf(body.version), "x-server-time": String(body.serverTime) } });
});
