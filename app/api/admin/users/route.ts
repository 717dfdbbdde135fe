import { newUserSchema } from "@/lib/auth/admin-input";
import { createUser, listUsers } from "@/lib/auth/users";
import { jsonResponse, readJson } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = withRole("admin", async ({ db }) => jsonResponse({ users: await listUsers(db) }));

export const POST = withRole("admin", async ({ req, user, meta, db }) => {
  const input = await readJson(req, newUserSchema);
  const created = await createUser(db, user, input, meta);
  return jsonResponse({ user: created }, { status: 201 });
});
