import { getConfig } from "@/lib/config/env";
import { portalState, PortalError, shareFromPortal, shareRequestSchema } from "@/sandbox/portal/portal";
import { getSandbox } from "@/sandbox";
import { badRequest, HttpError, jsonResponse, readJson } from "@/lib/server/http";
import { withPublic } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const notFound = () => jsonResponse({ detail: "Not found." }, { status: 404 });

/** GET /sandbox/control/datashare — the Portal's view: partner configuration and active 911 calls. */
export const GET = withPublic(async () => {
  const sandbox = getSandbox();
  if (!sandbox) return notFound();
  return jsonResponse(portalState(sandbox, getConfig()));
});

/**
 * POST /sandbox/control/datashare — share a sandbox call with the configured handler, as Portal
 * does; options send deliberately bad deliveries (signature mode, raw body, field overrides).
 */
export const POST = withPublic(async ({ req }) => {
  const sandbox = getSandbox();
  if (!sandbox) return notFound();
  const request = await readJson(req, shareRequestSchema, 512 * 1024);
  try {
    return jsonResponse(await shareFromPortal(sandbox, getConfig(), request));
  } catch (err) {
    if (err instanceof PortalError) {
      if (err.status === 400) throw badRequest(err.message);
      throw new HttpError(err.status, err.status === 409 ? "conflict" : "bad_gateway", err.message);
    }
    throw err;
  }
});
