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
  const etag = `"aad-${encodeURIComponent(id)}-${await alertAdditionalDataVersion(db, id)}"`;
  const unchanged = notModified(req, etag, dataNow());
  if (unchanged) return unchanged;
  const body = await viewAlertAdditionalData({ db, user, meta, context: "console" }, id);
  return jsonResponse(body, { headers: { etag, "x-server-time": String(body.serverTime) } });
});
