/**
 * What the calls routes do: open a caller (look the number up in LEI, keep it in the user's call
 * list, track it), close it, list the console's calls, and read one call's whole trail.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { additionalDataFetcher } from "@/lib/additional-data/client";
import { additionalDataAfterSync } from "@/lib/additional-data/store";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import { getConfig } from "@/lib/config/env";
import { getDatabase, getDb, type Db } from "@/lib/db/client";
import { callWatches, calls } from "@/lib/db/schema";
import { callTrail } from "@/lib/history/caller-locations";
import { sharedLeiToken } from "@/lib/datashare/tokens";
import { liveBus } from "@/lib/live/bus";
import { lookupCallerLocation, noLocationDetail } from "@/lib/rapidsos/client";
import { HttpError, notFound, type RequestMeta } from "@/lib/server/http";
import { dataNow } from "@/lib/server/clock";
import { singleton } from "@/lib/server/singleton";
import { isUpstreamError } from "@/lib/upstream/errors";
import { upstreamHealth } from "@/lib/upstream/health";
import { callSummary, consoleCalls } from "./summaries";
import { syncPhone } from "./sync";
import { trackedCallId } from "./tracked-locations";
import { CallTracker } from "./tracker";
import type { CallDetailResponse, CallsResponse, CallSummary } from "./types";

/** The process's tracker; started at server start-up, woken when a call is opened or shared. */
export function callTracker(): CallTracker {
  return singleton(
    "call-tracker",
    () =>
      new CallTracker({
        database: getDatabase,
        lookup: (input) => lookupCallerLocation(input),
        bus: liveBus(),
        intervalMs: getConfig().datashare.pollIntervalMs,
        sharedToken: async (phone) => sharedLeiToken(await getDb(), phone),
        // Additional data (RAD-E) rides on the same poll: once per cluster, never per console.
        afterSync: additionalDataAfterSync(() => additionalDataFetcher()),
      }),
  );
}

/** Look a caller up in LEI, put them in the user's call list and track them. `phone` is normalised. */
export async function openCall(db: Db, user: SessionUser, phone: string, meta: RequestMeta): Promise<CallSummary> {
  const audit = (outcome: "success" | "failure" | "error", detail: Record<string, unknown>) =>
    recordAudit({ action: "lei.lookup", outcome, actor: user, phone, meta, detail }, db);
  // A caller the tracker follows is opened from what it stored: no LEI request of our own.
  const tracked = await trackedCallId(db, phone, 2 * getConfig().datashare.pollIntervalMs);
  let callId: string;
  if (tracked) {
    callId = tracked;
    await audit("success", { records: 0, source: "tracker" });
  } else {
    let found: string | null;
    try {
      const result = await syncPhone(db, (input) => lookupCallerLocation(input), phone, undefined, { askWholeOnMiss: true });
      found = result.found ? result.currentCallId : null;
      if (found) await audit("success", { records: result.received, newRecords: result.inserted, source: "lei" });
    } catch (err) {
      // LEI's 429 (or an outage) never stops a telecommunicator opening a caller the app already has.
      found = isUpstreamError(err) && err.kind !== "not_found" ? await trackedCallId(db, phone, Infinity) : null;
      await audit(found ? "success" : "error", {
        records: 0,
        reason: isUpstreamError(err) ? err.kind : "internal",
        ...(found ? { source: "tracker-stale" } : {}),
      });
      if (!found) throw err;
    }
    if (!found) {
      await audit("failure", { records: 0, reason: "not_found" });
      throw notFound(noLocationDetail(phone));
    }
    callId = found;
  }
  await db.insert(callWatches).values({ userId: user.id, phone }).onConflictDoNothing();
  await recordAudit({ action: "call.open", outcome: "success", actor: user, phone, meta, target: callId }, db);
  await liveBus().publish({ type: "calls", reason: "opened" });
  const summary = await callSummary(db, callId, user.id);
  if (!summary) throw new HttpError(500, "internal", "The call was stored but could not be read back.");
  return summary;
}

/** Remove a call from the user's list. Its history stays. */
export async function closeCall(db: Db, user: SessionUser, callId: string, meta: RequestMeta): Promise<void> {
  const [call] = await db.select({ phone: calls.phone }).from(calls).where(eq(calls.id, callId)).limit(1);
  if (!call) throw notFound("No such call.");
  await db
    .delete(callWatches)
    .where(and(eq(callWatches.userId, user.id), eq(callWatches.phone, call.phone)));
  await recordAudit(
    { action: "call.close", outcome: "success", actor: user, phone: call.phone, meta, target: callId },
    db,
  );
  // Every change to a call list is announced: the lists' ETags count the announcements.
  await liveBus().publish({ type: "calls", reason: "closed" });
}

/** `version`: the calls version the answer's ETag was taken under (the center's part is read once per version). */
export async function listConsoleCalls(db: Db, user: SessionUser, version?: string): Promise<CallsResponse> {
  return {
    calls: await consoleCalls(db, user.id, Date.now(), version),
    upstream: { rapidsos: upstreamHealth().get("rapidsos") },
    serverTime: dataNow(),
  };
}

export async function callDetail(db: Db, user: SessionUser, callId: string): Promise<CallDetailResponse> {
  const call = await callSummary(db, callId, user.id);
  if (!call) throw notFound("No such call.");
  return { call, trail: await callTrail(db, callId), serverTime: dataNow() };
}
