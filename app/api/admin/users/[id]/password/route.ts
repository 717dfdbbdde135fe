import { passwordResetSchema, userIdSchema } from "@/lib/auth/admin-input";
import { resetPassword } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { jsonResponse, notFound, readJson, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Set a new password for the user (their sessions end). */
export const POST = withRole<{ id: string }>("admin", async ({ req, params, user, meta }) => {
  const parsed = userIdSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such user.");
  const { password } = await readJson(req, passwordResetSchema);
  return jsonResponse({ user: await resetPassword(await getDb(), user, parsed.data.id, password, meta) });
});
