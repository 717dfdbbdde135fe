/**
 * One stored call for review: the call as the console summarises it, and every location the app
 * stored for it, oldest first, with when it arrived and whether it lay outside the shared
 * jurisdiction. Reads only; nothing here changes a record.
 */
import "server-only";
import { desc, eq } from "drizzle-orm";
import { MAX_TRAIL_POINTS } from "@/lib/history/caller-locations";
import { callSummary } from "@/lib/calls/summaries";
import type { Db } from "@/lib/db/client";
import { callerLocations } from "@/lib/db/schema";
import { outsideOf } from "@/lib/calls/share";
import type { ReviewCallResponse, ReviewPoint } from "./types";

/** The stored trail in the order `callTrail` gives it, plus what only the app knows per record. */
export async function storedTrail(
  db: Db,
  callId: string,
  bbox: [number, number, number, number] | null = null,
): Promise<ReviewPoint[]> {
  const rows = await db
    .select({ record: callerLocations.record, receivedAt: callerLocations.receivedAt })
    .from(callerLocations)
    .where(eq(callerLocations.callId, callId))
    .orderBy(desc(callerLocations.createdTime), desc(callerLocations.id))
    .limit(MAX_TRAIL_POINTS);
  return rows.reverse().map(({ record, receivedAt }) => ({
    ...record,
    receivedAt: receivedAt.getTime(),
    outsideJurisdiction: outsideOf(bbox, record),
  }));
}

/** Null when there is no such call (or retention removed it). */
export async function reviewCall(
  db: Db,
  callId: string,
  userId: string,
  serverTime: number,
): Promise<ReviewCallResponse | null> {
  const call = await callSummary(db, callId, userId);
  if (!call) return null;
  const trail = await storedTrail(db, callId, call.share?.bbox ?? null);
  return { call, trail, share: call.share, serverTime };
}
