import { reviewPageSchema } from "@/lib/review/filters";
import { searchReviewCalls } from "@/lib/review/audited-review";
import { jsonResponse, readQuery } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/review/calls?phone&from&to&status&shared&before&limit — stored calls, newest first. */
export const GET = withRole("supervisor", async ({ req, user, meta, db }) =>
  jsonResponse(await searchReviewCalls(db, user, readQuery(req, reviewPageSchema), meta)),
);
