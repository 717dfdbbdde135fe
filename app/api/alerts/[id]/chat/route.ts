import { z } from "zod";
import { sendChat } from "@/lib/alerts/console-alerts";
import { actDeps, alertIdSchema } from "@/lib/alerts/route-deps";
import { jsonResponse, readJson } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

const schema = z.object({ message: z.string().trim().min(1).max(1000) });

/** POST /api/alerts/<id>/chat {message} — to the central station, when the alert has chat. */
export const POST = withRole<{ id: string }>("telecommunicator", async ({ req, params, user, meta, db }) => {
  const { message } = await readJson(req, schema, 4096);
  return jsonResponse(await sendChat(actDeps(db, user, meta), alertIdSchema.parse(params.id), message));
});
