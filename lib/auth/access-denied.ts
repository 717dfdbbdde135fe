import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { RequestMeta } from "@/lib/server/http";
import { log } from "@/lib/server/log";
import type { Role, SessionUser } from "./types";

/**
 * Audit a 403: a signed-in user asked for something their role does not allow. Called from
 * `withRole`'s 403 path and from the page guard. A failure to write the row is logged, not
 * raised: the answer stays a 403 either way.
 */
export async function recordAccessDenied(
  user: SessionUser,
  needed: Role,
  request: { method: string; url: string },
  meta: RequestMeta,
): Promise<void> {
  const path = new URL(request.url, "http://localhost").pathname;
  try {
    await recordAudit({
      action: "access.denied",
      outcome: "denied",
      actor: user,
      target: path,
      meta,
      detail: { method: request.method, needed, role: user.role },
    });
  } catch (err) {
    log().error({ err, requestId: meta.requestId }, "could not audit a denied request");
  }
}
