import { newUserSchema } from "@/lib/auth/admin-input";
import { createUser, listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { jsonResponse, readJson, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = withRole("admin", async () => jsonResponse({ users: await listUsers(await getDb()) }));

export const POST = withRole("admin", async ({ req, user, meta }) => {
  const input = await readJson(req, newUserSchema);
  const created = await createUser(await getDb(), user, input, meta);
  return jsonResponse({ user: created }, { status: 201 });
});
