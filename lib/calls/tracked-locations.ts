/**
 * What the cluster's tracker already knows about a caller, for answering a lookup without asking
 * LEI again: the live call's stored records, picked with LEI's own rules (no start and no limit:
 * the latest record; otherwise the records after `start`, `limit` to a page).
 */
import "server-only";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { callerLocations, calls } from "@/lib/db/schema";
import { singleton } from "@/lib/server/singleton";
import { currentCallFirst } from "./current-call";
import type { CallerLocation } from "@/lib/rapidsos/types";

/** LEI's page size when `start` is given without `limit`. */
const LEI_DEFAULT_LIMIT = 10;
/** A number looked up through the proxy stays tracked this long after the last lookup. */
export const LOOKUP_INTEREST_MS = 2 * 60_000;

/**
 * Answers stored before this moment are never fresh. Real LEI never rewinds, but the sandbox does on
 * reset: a new scenario from now, whose calls the stored ones are not. Start-up wires the reset here.
 */
const freshness = () => singleton("tracked-answers-floor", () => ({ from: 0 }));

/** The upstream's world was replaced: nothing stored so far answers for it until LEI is asked again. */
export function forgetFreshAnswers(now = Date.now()): void {
  freshness().from = now;
}

/**
 * Whether an answer LEI gave at `at` (ms or Date) still stands for LEI's answer now. An infinite
 * window asks for the last known answer however old (an outage's fallback, shown stale).
 */
export function answeredFresh(at: Date | number | null | undefined, freshWithinMs: number, now = Date.now()): boolean {
  if (at === null || at === undefined) return false;
  if (freshWithinMs === Infinity) return true;
  const t = typeof at === "number" ? at : at.getTime();
  return t >= freshness().from && now - t < freshWithinMs;
}

export interface TrackedAnswer {
  records: CallerLocation[];
  /** The tracker polled LEI for this number within the freshness window. */
  fresh: boolean;
}

/**
 * The stored answer to a first-page lookup of `phone`, or null when the app has no live call for it
 * or the answer would need more than one page (those go to LEI).
 */
export async function trackedAnswer(
  db: Db,
  query: { callerId: string; start?: number; limit?: number },
  freshWithinMs: number,
  now = new Date(),
): Promise<TrackedAnswer | null> {
  const latestOnly = query.start === undefined && query.limit === undefined;
  const limit = query.limit ?? LEI_DEFAULT_LIMIT;
  // One round trip (a lookup is on a console's critical path): the current call, and its records.
  const current = db
    .select({ id: calls.id, lastPolledAt: calls.lastPolledAt })
    .from(calls)
    .where(and(eq(calls.phone, query.callerId), eq(calls.status, "active")))
    .orderBy(...currentCallFirst)
    .limit(1)
    .as("current_call");
  const records = db
    .select({ record: callerLocations.record, createdTime: callerLocations.createdTime })
    .from(callerLocations)
    .where(
      and(
        eq(callerLocations.callId, current.id),
        query.start === undefined ? undefined : gt(callerLocations.createdTime, query.start),
      ),
    )
    .orderBy(latestOnly ? desc(callerLocations.createdTime) : asc(callerLocations.createdTime))
    .limit(latestOnly ? 1 : limit + 1)
    .as("records");
  const joined = await db
    .select({ lastPolledAt: current.lastPolledAt, record: records.record })
    .from(current)
    .leftJoinLateral(records, sql`true`)
    .orderBy(latestOnly ? desc(records.createdTime) : asc(records.createdTime));
  if (joined.length === 0) return null;
  const lastPolledAt = joined[0]!.lastPolledAt;
  const fresh = answeredFresh(lastPolledAt, freshWithinMs, now.getTime());
  const rows = joined.filter((r): r is { lastPolledAt: Date | null; record: CallerLocation } => r.record !== null);
  if (rows.length === 0 || rows.length > limit) return null;
  return { records: rows.map((r) => r.record), fresh };
}

/** The live call for `phone` the tracker polled within `freshWithinMs` and has locations for, if any. */
export async function trackedCallId(db: Db, phone: string, freshWithinMs: number, now = new Date()): Promise<string | null> {
  const [call] = await db
    .select({ id: calls.id, lastPolledAt: calls.lastPolledAt, locationCount: calls.locationCount })
    .from(calls)
    .where(and(eq(calls.phone, phone), eq(calls.status, "active")))
    .orderBy(...currentCallFirst)
    .limit(1);
  if (!call || call.locationCount === 0) return null;
  return answeredFresh(call.lastPolledAt, freshWithinMs, now.getTime()) ? call.id : null;
}

/** Renew the interest only when less than this is left: a burst of lookups is one write, not one each. */
const RENEW_WITHIN_MS = LOOKUP_INTEREST_MS / 2;
/** phone → interest end this instance last wrote (bounded: the oldest entries go first). */
const written = new Map<string, number>();
const MAX_WRITTEN = 5_000;

/** The tracker follows a looked-up number for a while, at its interval, like an opened call. */
export async function markInterest(db: Db, phone: string, now = new Date()): Promise<void> {
  const at = now.getTime();
  if ((written.get(phone) ?? 0) - at > RENEW_WITHIN_MS) return;
  const until = at + LOOKUP_INTEREST_MS;
  await db
    .update(calls)
    .set({ interestUntil: new Date(until) })
    .where(and(eq(calls.phone, phone), eq(calls.status, "active")));
  written.delete(phone);
  written.set(phone, until);
  if (written.size > MAX_WRITTEN) written.delete(written.keys().next().value!);
}
