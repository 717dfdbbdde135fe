import { callDetail } from "@/lib/calls/service";
import { callIdSchema } from "@/lib/calls/route-params";
import { jsonResponse, withRole } from "@/lib/server/http";

/** GET /api/calls/<id> — one call with its whole stored trail, oldest first. */
export const GET = withRole<{ id: string }>("telecommunicator", async ({ params, user }) =>
  jsonResponse(await callDetail(user, callIdSchema.parse(params.id))),
);
