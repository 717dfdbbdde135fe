import { parseUpstreamName, runUpstreamTest } from "@/lib/admin/service";
import { jsonResponse, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** POST /api/admin/upstreams/<rapidsos|axon>/test — a fresh token and one minimal request; audited. */
export const POST = withRole<{ name: string }>("admin", async ({ params, user, meta }) =>
  jsonResponse(await runUpstreamTest(user, parseUpstreamName(params.name), meta)),
);
