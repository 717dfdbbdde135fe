import { z } from "zod";
import { decideAlert } from "@/lib/alerts/console-alerts";
import { actDeps, alertIdSchema } from "@/lib/alerts/route-deps";
import { jsonResponse, readJson } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

const decisionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept") }),
  // RapidSOS takes at most 100 characters.
  z.object({ action: z.literal("decline"), reason: z.string().trim().min(1, "say why").max(100, "at most 100 characters") }),
]);

/** POST /api/alerts/<id>/decision {action: accept | decline, reason} — sent to RapidSOS, shown on every console. */
export const POST = withRole<{ id: string }>("telecommunicator", async ({ req, params, user, meta, db }) => {
  const decision = await readJson(req, decisionSchema, 2048);
  return jsonResponse(await decideAlert(actDeps(db, user, meta), alertIdSchema.parse(params.id), decision));
});
