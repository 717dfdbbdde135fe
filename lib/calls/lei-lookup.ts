/**
 * A telecommunicator's direct LEI lookup through our proxy: audited (who, which number, how many
 * records, outcome) and every record kept for review, like everything else the app receives.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db/client";
import { storeCallerLocations } from "@/lib/history/caller-locations";
import { lookupCallerLocation } from "@/lib/rapidsos/client";
import { decodeCursor } from "@/lib/rapidsos/cursor";
import type { LeiQuery } from "@/lib/rapidsos/query";
import type { LeiLocationResponse } from "@/lib/rapidsos/types";
import type { RequestMeta } from "@/lib/server/http";
import { dataNow } from "@/lib/server/clock";
import { isUpstreamError } from "@/lib/upstream/errors";

export async function auditedLeiLookup(
  user: SessionUser,
  query: LeiQuery,
  meta: RequestMeta,
): Promise<LeiLocationResponse> {
  const db = await getDb();
  const phone = query.callerId ?? phoneOfCursor(query.cursor);
  const audit = (outcome: "success" | "failure" | "error", detail: Record<string, unknown>) =>
    recordAudit(
      {
        action: "lei.lookup",
        outcome,
        actor: user,
        phone,
        meta,
        detail: { via: "proxy", start: query.start, limit: query.limit, page: query.cursor ? "next" : "first", ...detail },
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

function phoneOfCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  try {
    return decodeCursor(cursor).callerId;
  } catch {
    return null;
  }
}
