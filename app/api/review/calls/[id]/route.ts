import { callIdSchema } from "@/lib/calls/route-params";
import { getDb } from "@/lib/db/client";
import { viewReviewCall } from "@/lib/review/service";
import { jsonResponse, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/review/calls/<id> — `{call, trail, share, serverTime}`; audited as review.view. */
export const GET = withRole<{ id: string }>("supervisor", async ({ params, user, meta }) =>
  jsonResponse(await viewReviewCall(await getDb(), user, callIdSchema.parse(params.id), meta)),
);
