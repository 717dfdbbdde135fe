import { alertDetail } from "@/lib/alerts/console-alerts";
import { alertIdSchema } from "@/lib/alerts/route-deps";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/alerts/<id> — one alert with its timeline (status, disposition, locations, chat). */
export const GET = withRole<{ id: string }>("telecommunicator", async ({ params, db }) =>
  jsonResponse(await alertDetail(db, alertIdSchema.parse(params.id))),
);
