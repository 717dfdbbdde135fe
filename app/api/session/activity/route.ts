import { authPolicy } from "@/lib/auth/policy";
import { recordActivity } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { jsonResponse, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** The browser reports keyboard / pointer input here (throttled); polling never does. */
export const POST = withRole("telecommunicator", async ({ user }) => {
  const deadlines = await recordActivity(await getDb(), user.sessionId, authPolicy(), new Date());
  return jsonResponse(deadlines);
});
