import { closeCall } from "@/lib/calls/console-calls";
import { callIdSchema } from "@/lib/calls/route-params";
import { withRole } from "@/lib/server/route";

/** POST /api/calls/<id>/close — take the call out of my list (its history stays). */
export const POST = withRole<{ id: string }>("telecommunicator", async ({ params, user, meta, db }) => {
  await closeCall(db, user, callIdSchema.parse(params.id), meta);
  return new Response(null, { status: 204 });
});
