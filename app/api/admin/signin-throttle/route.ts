import { z } from "zod";
import { clearSource, listThrottledSources, SOURCE_POLICY } from "@/lib/auth/source-throttle";
import { jsonResponse, notFound, readJson } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/admin/signin-throttle — client addresses with failed sign-ins in their window, and whether they wait. */
export const GET = withRole("admin", async ({ db }) =>
  jsonResponse({ sources: await listThrottledSources(db, SOURCE_POLICY, new Date()) }),
);

const clearSchema = z.object({ source: z.string().trim().min(1).max(64) });

/** DELETE /api/admin/signin-throttle {source} — let an address try again at once (audited). */
export const DELETE = withRole("admin", async ({ req, db, user, meta }) => {
  const { source } = await readJson(req, clearSchema, 1024);
  if (!(await clearSource(db, user, source, meta, new Date()))) throw notFound("That address has no failed sign-ins to clear.");
  return jsonResponse({ cleared: source });
});
