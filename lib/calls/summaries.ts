/** Turn stored calls into what a console shows: the latest location, the share, the jurisdiction check. */
import "server-only";
import { and, desc, eq, gt, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { callerLocations, calls, callWatches, datashareDeliveries } from "@/lib/db/schema";
import type { CallerLocation } from "@/lib/rapidsos/types";
import { currentCallFirst } from "./current-call";
import { shareOf } from "./share";
import type { CallSummary } from "./types";

type CallRow = typeof calls.$inferSelect;

/** Ended shared calls stay in every console's list this long, then live on in review. */
export const ENDED_SHARED_VISIBLE_MS = 60 * 60_000;

/** A console lists at most this many calls (its own newest, then the center's newest shared). */
export const MAX_CONSOLE_CALLS = 200;

/** The calls in one user's console: their own open calls and the center's shared calls. */
export async function consoleCalls(db: Db, userId: string, now = Date.now()): Promise<CallSummary[]> {
  const watched = await db
    .select({ phone: callWatches.phone })
    .from(callWatches)
    .where(eq(callWatches.userId, userId))
    .orderBy(desc(callWatches.openedAt))
    .limit(MAX_CONSOLE_CALLS);
  const phones = watched.map((w) => w.phone);
  // The newest call per watched number (a number can call again), plus recent shared calls.
  const latestPerPhone =
    phones.length === 0
      ? []
      : await db
          .selectDistinctOn([calls.phone])
          .from(calls)
          .where(inArray(calls.phone, phones))
          .orderBy(calls.phone, ...currentCallFirst);
  const shared = await db
    .select()
    .from(calls)
    .where(
      and(
        eq(calls.shared, true),
        or(
          eq(calls.status, "active"),
          gt(calls.endedAt, new Date(now - ENDED_SHARED_VISIBLE_MS)),
        ),
      ),
    )
    .orderBy(desc(calls.firstSeenAt))
    .limit(MAX_CONSOLE_CALLS);
  const rows = new Map<string, CallRow>();
  for (const row of [...latestPerPhone, ...shared]) rows.set(row.id, row);
  const summaries = await summarize(db, [...rows.values()], new Set(phones));
  // Live calls first, newest activity first.
  return summaries
    .sort(
      (a, b) =>
        Number(a.status === "ended") - Number(b.status === "ended") ||
        (b.latest?.createdTime ?? b.firstSeenAt) - (a.latest?.createdTime ?? a.firstSeenAt),
    )
    .slice(0, MAX_CONSOLE_CALLS);
}

export async function callSummary(db: Db, callId: string, userId: string): Promise<CallSummary | null> {
  const [row] = await db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  if (!row) return null;
  const [watch] = await db
    .select({ phone: callWatches.phone })
    .from(callWatches)
    .where(and(eq(callWatches.userId, userId), eq(callWatches.phone, row.phone)))
    .limit(1);
  const [summary] = await summarize(db, [row], new Set(watch ? [watch.phone] : []));
  return summary ?? null;
}

type Delivery = typeof datashareDeliveries.$inferSelect;

/** Each call's newest stored location and newest Data Share delivery: two queries for any number of calls. */
export async function latestOfCalls(
  db: Db,
  ids: readonly string[],
): Promise<{ latestByCall: Map<string, CallerLocation>; shareByCall: Map<string, Delivery> }> {
  if (ids.length === 0) return { latestByCall: new Map(), shareByCall: new Map() };
  const latest = await db
    .selectDistinctOn([callerLocations.callId], {
      callId: callerLocations.callId,
      record: callerLocations.record,
    })
    .from(callerLocations)
    .where(inArray(callerLocations.callId, [...ids]))
    .orderBy(callerLocations.callId, desc(callerLocations.createdTime), desc(callerLocations.id));
  const deliveries = await db
    .selectDistinctOn([datashareDeliveries.callId])
    .from(datashareDeliveries)
    .where(and(isNotNull(datashareDeliveries.callId), inArray(datashareDeliveries.callId, [...ids])))
    .orderBy(datashareDeliveries.callId, desc(datashareDeliveries.receivedAt));
  return {
    latestByCall: new Map(latest.map((l) => [l.callId, l.record])),
    shareByCall: new Map(deliveries.map((d) => [d.callId!, d])),
  };
}

async function summarize(db: Db, rows: CallRow[], myPhones: Set<string>): Promise<CallSummary[]> {
  if (rows.length === 0) return [];
  const { latestByCall, shareByCall } = await latestOfCalls(db, rows.map((r) => r.id));
  return rows.map((row) => {
    const record = latestByCall.get(row.id) ?? null;
    const delivery = shareByCall.get(row.id);
    return {
      id: row.id,
      phone: row.phone,
      status: row.status,
      shared: row.shared,
      openedByMe: myPhones.has(row.phone),
      callerName: row.callerName,
      callStartTime: row.callStartTime,
      firstSeenAt: row.firstSeenAt.getTime(),
      endedAt: row.endedAt?.getTime() ?? null,
      latest: record,
      locationCount: row.locationCount,
      lastPolledAt: row.lastPolledAt?.getTime() ?? null,
      share: delivery ? shareOf(delivery, record) : null,
    };
  });
}
