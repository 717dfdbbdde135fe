import { userIdSchema, userPatchSchema } from "@/lib/auth/admin-input";
import { getUserView, updateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { jsonResponse, notFound, readJson, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Params = { id: string };

function userId(params: Params): string {
  const parsed = userIdSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such user.");
  return parsed.data.id;
}

export const GET = withRole<Params>("admin", async ({ params }) =>
  jsonResponse({ user: await getUserView(await getDb(), userId(params)) }),
);

/** Change name, role or disabled; an admin cannot leave the center without an active admin. */
export const PATCH = withRole<Params>("admin", async ({ req, params, user, meta }) => {
  const id = userId(params);
  const patch = await readJson(req, userPatchSchema);
  return jsonResponse({ user: await updateUser(await getDb(), user, id, patch, meta) });
});
