import { lookupCallerLocation } from "@/lib/rapidsos/client";
import { leiGetQuerySchema, leiPostBodySchema } from "@/lib/rapidsos/query";
import { jsonResponse, readJson, readQuery, withRole } from "@/lib/server/http";

/** GET /api/lei/location?caller_id=&start=&limit=&cursor= — LEI's query semantics, phone normalised. */
export const GET = withRole("telecommunicator", async ({ req }) => {
  const query = readQuery(req, leiGetQuerySchema);
  const { response } = await lookupCallerLocation(query);
  return jsonResponse(response);
});

/** POST /api/lei/location {caller_id | query: "tel://…", start, limit, cursor} */
export const POST = withRole("telecommunicator", async ({ req }) => {
  const query = await readJson(req, leiPostBodySchema);
  const { response } = await lookupCallerLocation(query);
  return jsonResponse(response);
});
