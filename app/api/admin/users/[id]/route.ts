import { userIdSchema, userPatchSchema } from "@/lib/auth/admin-input";
import { getUserView, updateUser } from "@/lib/auth/users";
import { jsonResponse, notFound, readJson } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Params = { id: string };

function userId(params: Params): string {
  const parsed = userIdSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such user.");
  return parsed.data.id;
}

export const GET = withRole<Params>("admin", async ({ params, db }) =>
  jsonResponse({ user: await getUserView(db, userId(params)) }),
);

/** Change name, role or disabled; an admin cannot leave the center without an active admin. */
export const PATCH = withRole<Params>("admin", async ({ req, params, user, meta, db }) => {
  const id = userId(params);
  const patch = await readJson(req, userPatchSchema);
  return jsonResponse({ user: await updateUser(db, user, id, patch, meta) });
});
