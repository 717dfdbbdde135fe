import { z } from "zod";
import { setDisposition } from "@/lib/alerts/console-alerts";
import { actDeps, alertIdSchema } from "@/lib/alerts/route-deps";
import { ECC_DISPOSITIONS } from "@/lib/alerts/types";
import { jsonResponse, readJson } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

const schema = z.object({ disposition: z.enum(ECC_DISPOSITIONS) });

/** POST /api/alerts/<id>/disposition {disposition} — dispatched, en route, on scene, cleared… */
export const POST = withRole<{ id: string }>("telecommunicator", async ({ req, params, user, meta, db }) => {
  const { disposition } = await readJson(req, schema, 1024);
  return jsonResponse(await setDisposition(actDeps(db, user, meta), alertIdSchema.parse(params.id), disposition));
});
