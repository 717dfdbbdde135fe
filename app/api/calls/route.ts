import { z } from "zod";
import { listConsoleCalls, openCall } from "@/lib/calls/console-calls";
import { phoneNumberSchema } from "@/lib/phone/normalize";
import { jsonResponse, readJson } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

/** GET /api/calls — my open calls and the center's shared calls. */
export const GET = withRole("telecommunicator", async ({ user, db }) =>
  jsonResponse(await listConsoleCalls(db, user)),
);

const openSchema = z.object({ phone: phoneNumberSchema });

/** POST /api/calls {phone} — look a caller up in LEI and open them in my call list. */
export const POST = withRole("telecommunicator", async ({ req, user, meta, db }) => {
  const { phone } = await readJson(req, openSchema, 4096);
  return jsonResponse({ call: await openCall(db, user, phone, meta) });
});
