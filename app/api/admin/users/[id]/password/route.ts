import { passwordResetSchema, userIdSchema } from "@/lib/auth/admin-input";
import { resetPassword } from "@/lib/auth/users";
import { jsonResponse, notFound, readJson } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Set a new password for the user (their sessions end). */
export const POST = withRole<{ id: string }>("admin", async ({ req, params, user, meta, db }) => {
  const parsed = userIdSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such user.");
  const { password } = await readJson(req, passwordResetSchema);
  return jsonResponse({ user: await resetPassword(db, user, parsed.data.id, password, meta) });
});
