import { getConfig } from "@/lib/config/env";
import { jsonResponse } from "@/lib/server/http";
import { withPublic } from "@/lib/server/route";
import { upstreamHealth } from "@/lib/upstream/health";

export const dynamic = "force-dynamic";

/** Liveness plus how each upstream answered its last call. Public, so nothing in it names a host. */
export const GET = withPublic(async () =>
  jsonResponse({
    status: "ok",
    upstreams: upstreamHealth().snapshot(),
    sandbox: getConfig().sandbox.enabled,
    time: new Date().toISOString(),
  }),
);
