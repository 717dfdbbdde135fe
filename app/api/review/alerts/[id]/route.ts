import { reviewAlert } from "@/lib/alerts/review";
import { alertIdSchema } from "@/lib/alerts/route-deps";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/review/alerts/<id> — one alert and its whole timeline; audited. */
export const GET = withRole<{ id: string }>("supervisor", async ({ params, user, meta, db }) =>
  jsonResponse(await reviewAlert(db, user, alertIdSchema.parse(params.id), meta)),
);
