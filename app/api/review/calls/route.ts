import { getDb } from "@/lib/db/client";
import { reviewPageSchema } from "@/lib/review/filters";
import { searchReviewCalls } from "@/lib/review/service";
import { jsonResponse, readQuery, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/review/calls?phone&from&to&status&shared&before&limit — stored calls, newest first. */
export const GET = withRole("supervisor", async ({ req, user, meta }) =>
  jsonResponse(await searchReviewCalls(await getDb(), user, readQuery(req, reviewPageSchema), meta)),
);
