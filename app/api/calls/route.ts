import { z } from "zod";
import { listConsoleCalls, openCall } from "@/lib/calls/console-calls";
import { liveBus } from "@/lib/live/bus";
import { callsVersion, notModified } from "@/lib/live/calls-version";
import { phoneNumberSchema } from "@/lib/phone/normalize";
import { dataNow } from "@/lib/server/clock";
import { jsonResponse, readJson } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";
import { upstreamHealth } from "@/lib/upstream/health";

/** GET /api/calls — my open calls and the center's shared calls; 304 when nothing changed. */
export const GET = withRole("telecommunicator", async ({ req, user, db }) => {
  const rapidsos = upstreamHealth().get("rapidsos");
  const versions = callsVersion(liveBus());
  const version = versions.version();
  const etag = versions.etag(["list", user.id, rapidsos.ok, rapidsos.detail], version);
  const unchanged = notModified(req, etag, dataNow());
  if (unchanged) return unchanged;
  const body = await listConsoleCalls(db, user, version);
  return jsonResponse(body, { headers: { etag, "x-server-time": String(body.serverTime) } });
});

const openSchema = z.object({ phone: phoneNumberSchema });

/** POST /api/calls {phone} — look a caller up in LEI and open them in my call list. */
export const POST = withRole("telecommunicator", async ({ req, user, meta, db }) => {
  const { phone } = await readJson(req, openSchema, 4096);
  return jsonResponse({ call: await openCall(db, user, phone, meta) });
});
