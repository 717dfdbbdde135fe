import { declaredBodyTooLarge } from "@/lib/server/body-limit";
import { getSandbox } from "@/sandbox";

export const dynamic = "force-dynamic";

/** Every /sandbox/ path goes to the sandbox; with the sandbox off, every one is a 404. */
async function handle(req: Request): Promise<Response> {
  const sandbox = getSandbox();
  if (!sandbox) {
    return Response.json({ detail: "Not found." }, { status: 404, headers: { "cache-control": "no-store" } });
  }
  // Not behind the route wrappers: the same declared-size cap, so no body is waited for past it.
  const tooLarge = declaredBodyTooLarge(req);
  if (tooLarge) return Response.json({ detail: tooLarge.detail }, { status: 413, headers: { "cache-control": "no-store" } });
  return sandbox.handle(req);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
// Next would answer OPTIONS itself; the simulated LEI endpoint has its own answer.
export const OPTIONS = handle;
