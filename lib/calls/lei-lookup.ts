/**
 * A telecommunicator's direct LEI lookup through our proxy: audited (who, which number, how many
 * records, where they came from, outcome) and every record kept for review. A number the cluster's
 * tracker polled within its interval is answered from what it stored, so a hundred lookups of a
 * live caller cost LEI nothing more; any other number goes to LEI once and is tracked from then on.
 * When LEI refuses (429) or fails and records are stored, those are answered, marked stale.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import { getConfig } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { storeCallerLocations } from "@/lib/history/caller-locations";
import { lookupCallerLocation } from "@/lib/rapidsos/client";
import { callerOf, type LeiQuery } from "@/lib/rapidsos/query";
import type { CallerLocation, LeiLocationResponse } from "@/lib/rapidsos/types";
import type { RequestMeta } from "@/lib/server/http";
import { dataNow } from "@/lib/server/clock";
import { LruMap } from "@/lib/server/lru";
import { isUpstreamError } from "@/lib/upstream/errors";
import { answeredFresh, markInterest, trackedAnswer } from "./tracked-locations";

/**
 * phone → when a lookup on this instance last had LEI's own answer for it. While that is as recent
 * as the tracker's freshness window, the stored records are as fresh as the tracker's would be: a
 * tracker slowed by load then never turns a hundred lookups a second into a hundred LEI requests.
 */
const answeredAt = new LruMap<string, number>(5_000);

export async function auditedLeiLookup(
  db: Db,
  user: SessionUser,
  query: LeiQuery,
  meta: RequestMeta,
  {
    // Two intervals: a lookup between two tracker polls never adds an LEI request of its own.
    freshWithinMs = 2 * getConfig().datashare.pollIntervalMs,
    lookup = lookupCallerLocation,
  }: { freshWithinMs?: number; lookup?: typeof lookupCallerLocation } = {},
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
  const firstPage = "page" in query ? null : query;
  const stored = (source: "tracker" | "tracker-stale", records: CallerLocation[]): LeiLocationResponse => ({
    callerId: phone,
    records,
    nextCursor: null,
    dropped: 0,
    serverTime: dataNow(),
    source,
  });
  if (firstPage) {
    const tracked = await trackedAnswer(db, firstPage, freshWithinMs);
    const askedLately = answeredFresh(answeredAt.get(phone), freshWithinMs);
    if (tracked && (tracked.fresh || askedLately)) {
      await markInterest(db, phone);
      await audit("success", { records: tracked.records.length, source: "tracker" });
      return stored("tracker", tracked.records);
    }
  }
  try {
    const { response, records } = await lookup(query);
    await storeCallerLocations(db, records);
    if (firstPage) answeredAt.set(phone, Date.now());
    await markInterest(db, phone);
    await audit("success", { records: records.length, dropped: response.dropped, source: "lei" });
    return { ...response, serverTime: dataNow(), source: "lei" };
  } catch (err) {
    if (isUpstreamError(err)) {
      // LEI's 429 (or an outage) never hides what the app already has for this caller.
      const held = firstPage && err.kind !== "not_found" ? await trackedAnswer(db, firstPage, 0) : null;
      if (held) {
        await audit("success", { records: held.records.length, source: "tracker-stale", reason: err.kind });
        return stored("tracker-stale", held.records);
      }
      await audit(err.kind === "not_found" ? "failure" : "error", { records: 0, reason: err.kind });
    }
    throw err;
  }
}
