/**
 * A telecommunicator's direct LEI lookup through our proxy: audited (who, which number, how many
 * records, outcome) and every record kept for review, like everything else the app receives.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";
import { storeCallerLocations } from "@/lib/history/caller-locations";
import { lookupCallerLocation } from "@/lib/rapidsos/client";
import { callerOf, type LeiQuery } from "@/lib/rapidsos/query";
import type { LeiLocationResponse } from "@/lib/rapidsos/types";
import type { RequestMeta } from "@/lib/server/http";
import { dataNow } from "@/lib/server/clock";
import { isUpstreamError } from "@/lib/upstream/errors";

export async function auditedLeiLookup(
  db: Db,
  user: SessionUser,
  query: LeiQuery,
  meta: RequestMeta,
): Promise<LeiLocationResponse> {
  const phone = callerOf(query);
  const audit = (outcome: "success" | "failure" | "error", detail: Record<string, unknown>) =>
    recordAudit(
      {
        action: "lei.lookup",
        outcome,
        actor: user,
        phone,
        meta,
        detail: { via: "proxy", ...("page" in query ? { page: "next" } : { start: query.start, limit: query.limit, page: "first" }), ...detail },
      },
      db,
    );
  try {
    const { response, records } = await lookupCallerLocation(query);
    await storeCallerLocations(db, records);
    await audit("success", { records: records.length, dropped: response.dropped });
    return { ...response, serverTime: dataNow() };
  } catch (err) {
    if (isUpstreamError(err)) {
      await audit(err.kind === "not_found" ? "failure" : "error", { records: 0, reason: err.kind });
    }
    throw err;
  }
}
