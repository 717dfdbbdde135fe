import { authPolicy } from "@/lib/auth/policy";
import { recordActivity } from "@/lib/auth/sessions";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The browser reports keyboard / pointer input here (throttled); polling never does. */
export const POST = withRole("telecommunicator", async ({ user, db }) => {
  const deadlines = await recordActivity(db, user.sessionId, authPolicy(), new Date());
  return jsonResponse(deadlines);
});
