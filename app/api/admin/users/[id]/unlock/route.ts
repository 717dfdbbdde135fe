import { userIdSchema } from "@/lib/auth/admin-input";
import { unlockUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { jsonResponse, notFound, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = withRole<{ id: string }>("admin", async ({ params, user, meta }) => {
  const parsed = userIdSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such user.");
  return jsonResponse({ user: await unlockUser(await getDb(), user, parsed.data.id, meta) });
});
