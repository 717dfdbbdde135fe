import { userIdSchema } from "@/lib/auth/admin-input";
import { unlockUser } from "@/lib/auth/users";
import { jsonResponse, notFound } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = withRole<{ id: string }>("admin", async ({ params, user, meta, db }) => {
  const parsed = userIdSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such user.");
  return jsonResponse({ user: await unlockUser(db, user, parsed.data.id, meta) });
});
