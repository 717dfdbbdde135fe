import { callIdSchema } from "@/lib/calls/route-params";
import { viewReviewCall } from "@/lib/review/audited-review";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/review/calls/<id> — `{call, trail, share, serverTime}`; audited as review.view. */
export const GET = withRole<{ id: string }>("supervisor", async ({ params, user, meta, db }) =>
  jsonResponse(await viewReviewCall(db, user, callIdSchema.parse(params.id), meta)),
);
