import { parseUpstreamName, runUpstreamTest } from "@/lib/admin/audited-upstream-test";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** POST /api/admin/upstreams/<rapidsos|axon>/test — a fresh token and one minimal request; audited. */
export const POST = withRole<{ name: string }>("admin", async ({ params, user, meta, db }) =>
  jsonResponse(await runUpstreamTest(db, user, parseUpstreamName(params.name), meta)),
);
