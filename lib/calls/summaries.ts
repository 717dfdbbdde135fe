/** Turn stored calls into what a console shows: the latest location, the share, the jurisdiction check. */
import "server-only";
import { and, desc, eq, gt, inArray, isNotNull, or, type SQLWrapper } from "drizzle-orm";
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

/** A call as every console sees it; `openedByMe` is added per user. */
type CenterSummary = Omit<CallSummary, "openedByMe">;

/**
 * What every console's list is made from, read once for the whole center: the current call of
 * every number any user has open, and the shared calls still listed. Five queries however many
 * consoles ask; each console then only reads its own open numbers.
 */
interface CenterCalls {
  byPhone: Map<string, CenterSummary>;
  shared: CenterSummary[];
}

/** The current call of each number given (a list, or a subquery of numbers). */
function currentCallsOf(db: Db, phones: string[] | SQLWrapper): Promise<CallRow[]> {
  return db
    .selectDistinctOn([calls.phone])
    .from(calls)
    .where(inArray(calls.phone, phones))
    .orderBy(calls.phone, ...currentCallFirst);
}

async function readCenterCalls(db: Db, now: number): Promise<CenterCalls> {
  const latestPerPhone = await currentCallsOf(db, db.selectDistinct({ phone: callWatches.phone }).from(callWatches));
  const shared = await sharedCalls(db, now);
  const rows = new Map<string, CallRow>();
  for (const row of [...latestPerPhone, ...shared]) rows.set(row.id, row);
  const summaries = new Map((await summarize(db, [...rows.values()])).map((s) => [s.id, s]));
  return {
    byPhone: new Map(latestPerPhone.map((row) => [row.phone, summaries.get(row.id)!])),
    shared: shared.map((row) => summaries.get(row.id)!),
  };
}

function sharedCalls(db: Db, now: number): Promise<CallRow[]> {
  return db
    .select()
    .from(calls)
    .where(
      and(
        eq(calls.shared, true),
        or(eq(calls.status, "active"), gt(calls.endedAt, new Date(now - ENDED_SHARED_VISIBLE_MS))),
      ),
    )
    .orderBy(desc(calls.firstSeenAt))
    .limit(MAX_CONSOLE_CALLS);
}

/**
 * The last center read, per database, under the version it was read for (the calls version the
 * lists' ETags count: every change to any call announces itself). Concurrent polls for the same
 * version share one read.
 */
const centerReads = new WeakMap<Db, { version: string; read: Promise<CenterCalls> }>();

function centerCalls(db: Db, version: string | undefined, now: number): Promise<CenterCalls> {
  if (version === undefined) return readCenterCalls(db, now);
  const held = centerReads.get(db);
  if (held?.version === version) return held.read;
  const read = readCenterCalls(db, now);
  centerReads.set(db, { version, read });
  // A failed read is not kept: the next poll reads again.
  read.catch(() => {
    if (centerReads.get(db)?.read === read) centerReads.delete(db);
  });
  return read;
}

/**
 * The calls in one user's console: their own open calls and the center's shared calls. With a
 * `version` (the calls version the answer's ETag was taken under), the center-wide part is read once
 * per version for every console; only the user's own open numbers are read per poll.
 */
export async function consoleCalls(db: Db, userId: string, now = Date.now(), version?: string): Promise<CallSummary[]> {
  const watched = await db
    .select({ phone: callWatches.phone })
    .from(callWatches)
    .where(eq(callWatches.userId, userId))
    .orderBy(desc(callWatches.openedAt))
    .limit(MAX_CONSOLE_CALLS);
  const phones = watched.map((w) => w.phone);
  const center = await centerCalls(db, version, now);
  const mine = new Set(phones);
  const listed = new Map<string, CenterSummary>();
  const missing: string[] = [];
  for (const phone of phones) {
    const call = center.byPhone.get(phone);
    if (call) listed.set(call.id, call);
    else missing.push(phone);
  }
  // A number opened after the center was read (its announcement still on its way): read it now.
  if (missing.length > 0) {
    for (const summary of await summarize(db, await currentCallsOf(db, missing))) listed.set(summary.id, summary);
  }
  for (const call of center.shared) listed.set(call.id, call);
  // Live calls first, newest activity first.
  return [...listed.values()]
    .map((call) => ({ ...call, openedByMe: mine.has(call.phone) }))
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
  const [summary] = await summarize(db, [row]);
  return summary ? { ...summary, openedByMe: Boolean(watch) } : null;
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

async function summarize(db: Db, rows: CallRow[]): Promise<CenterSummary[]> {
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
