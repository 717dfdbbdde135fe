import { after } from "next/server";
import { receiveDelivery } from "@/lib/datashare/handler";
import { datashareDeps } from "@/lib/datashare/app-wiring";
import { withPublic } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Outside a Next request (a script, a test serving this handler directly) there is no `after`. */
function afterResponse(task: () => Promise<void>): void {
  try {
    after(task);
  } catch {
    void task();
  }
}

/**
 * POST /api/datashare — RapidSOS Data Share webhook. Public by design: the HMAC signature over the
 * raw body is the authentication (RapidSOS Data Share Partner Guide). Answers 200, 400 or 401.
 */
export const POST = withPublic(async ({ req, meta }) =>
  receiveDelivery(req, meta, await datashareDeps(afterResponse)),
);
