import { auditedLeiLookup } from "@/lib/calls/lei-lookup";
import { leiGetQuerySchema, leiPostBodySchema } from "@/lib/rapidsos/query";
import { jsonResponse, readJson, readQuery } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

/** GET /api/lei/location?caller_id=&start=&limit=&cursor= — LEI's query semantics, phone normalised. */
export const GET = withRole("telecommunicator", async ({ req, user, meta, db }) =>
  jsonResponse(await auditedLeiLookup(db, user, readQuery(req, leiGetQuerySchema), meta)),
);

/** POST /api/lei/location {caller_id | query: "tel://…", start, limit, cursor} */
export const POST = withRole("telecommunicator", async ({ req, user, meta, db }) =>
  jsonResponse(await auditedLeiLookup(db, user, await readJson(req, leiPostBodySchema), meta)),
);
