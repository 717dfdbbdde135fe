import { callDetail } from "@/lib/calls/console-calls";
import { callIdSchema } from "@/lib/calls/route-params";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

/** GET /api/calls/<id> — one call with its whole stored trail, oldest first. */
export const GET = withRole<{ id: string }>("telecommunicator", async ({ params, user, db }) =>
  jsonResponse(await callDetail(db, user, callIdSchema.parse(params.id))),
);
