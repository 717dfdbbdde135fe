import { z } from "zod";
import { listConsoleCalls, openCall } from "@/lib/calls/service";
import { jsonResponse, readJson, withRole } from "@/lib/server/http";

/** GET /api/calls — my open calls and the center's shared calls. */
export const GET = withRole("telecommunicator", async ({ user }) =>
  jsonResponse(await listConsoleCalls(user)),
);

const openSchema = z.object({ phone: z.string().min(1, "phone is required").max(200) });

/** POST /api/calls {phone} — look a caller up in LEI and open them in my call list. */
export const POST = withRole("telecommunicator", async ({ req, user, meta }) => {
  const { phone } = await readJson(req, openSchema, 4096);
  return jsonResponse({ call: await openCall(user, phone, meta) });
});
