/**
 * Bring our stored copy of one caller up to date with LEI in one request (more only when a caller
 * has more new records than a page): everything from just before the newest record we hold
 * (start/limit, following LEI's `next`).
 * LEI sends no call-end time: a caller it no longer answers for has ended (after a few misses), and a
 * newer call from the same number supersedes the older one.
 */
import "server-only";
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Secret } from "@/lib/config/secret";
import type { Db } from "@/lib/db/client";
import { calls, datashareDeliveries } from "@/lib/db/schema";
import { recordKey, storeCallerLocations } from "@/lib/history/caller-locations";
import type { LeiLookupInput, LeiLookupResult } from "@/lib/rapidsos/client";
import type { CallerLocation } from "@/lib/rapidsos/types";
import { isUpstreamError } from "@/lib/upstream/errors";

/** LEI's page size cap. */
const PAGE_LIMIT = 100;
/** A runaway `next` chain stops here (100 pages = 10,000 records, far beyond any real call). */
const MAX_PAGES = 100;
/** Consecutive "not found" answers before a call with history counts as ended. */
export const MISSES_TO_END = 2;
/** A call shared before LEI had anything gets longer to show up. */
export const MISSES_TO_GIVE_UP_EMPTY = 20;

export type LeiLookup = (input: LeiLookupInput) => Promise<LeiLookupResult>;

export interface SyncResult {
  /** LEI answered with at least one record for this number. */
  found: boolean;
  /** Records LEI returned during this sync (new or already stored). */
  received: number;
  /** Records stored for the first time. */
  inserted: number;
  /** Calls that received new records. */
  changedCallIds: string[];
  /** Calls whose status changed (ended or superseded), or that were created. */
  statusChangedCallIds: string[];
  /** The call LEI's latest record belongs to, when found. */
  currentCallId: string | null;
}

/** A token RapidSOS handed us for this caller (Data Share), and who to tell when it is refused. */
export interface SharedToken {
  accessToken: Secret;
  onRefused: () => void;
}

export interface SyncOptions {
  /**
   * A "not found" counts as a miss only this long after the call's previous counted poll. Misses
   * stand for poll intervals, not requests: a storm of shares makes one poll each, and twenty of
   * them in a second must not add up to the minute an empty shared call is given (nor two of them
   * to the end of a call with history). 0: every poll counts (a lookup by hand).
   */
  missSpacingMs?: number;
  /**
   * A lookup by hand: when nothing comes back from just before the newest record held, ask once more
   * for everything LEI has before saying "no location". The held call may be over while another began
   * with older timestamps than it (a sandbox reset moves the data clock back), and a telecommunicator
   * must never be told there is no location when LEI has one. Tracker polls keep to one request.
   */
  askWholeOnMiss?: boolean;
}

export async function syncPhone(
  db: Db,
  lookup: LeiLookup,
  phone: string,
  shared?: SharedToken,
  options: SyncOptions = {},
): Promise<SyncResult> {
  // Once refused, the token is not offered again: each offer costs a wasted request.
  let token = shared;
  const withToken = (input: LeiLookupInput): LeiLookupInput =>
    token
      ? {
          ...input,
          accessToken: token.accessToken,
          onAccessTokenRefused: () => {
            token?.onRefused();
            token = undefined;
          },
        }
      : input;
  const before = await activeCalls(db, phone);
  // One request per poll: from just before the newest record we hold, so LEI's answer says both
  // that the call is still served (that record comes back) and what is new. Nothing held yet:
  // from the oldest record. A newer call from the same number has only newer records.
  const since = Math.max(0, ...before.map((c) => c.lastCreatedTime ?? 0));
  let fetched = await fetchSince((input) => lookup(withToken(input)), phone, since > 0 ? since - 1 : 0);
  if (fetched.length === 0 && since > 0 && options.askWholeOnMiss) fetched = await fetchSince((input) => lookup(withToken(input)), phone, 0);
  if (fetched.length === 0) return recordMiss(db, before, options.missSpacingMs ?? 0);
  const latest = fetched.reduce((a, b) => (b.createdTime > a.createdTime ? b : a));
  const current = before.find((c) => c.callStartTime === latest.callStartTime);
  // The record we asked from comes again; count and store it once.
  const unique = [...new Map(fetched.map((r) => [recordKey(r), r])).values()];
  const stored = await storeCallerLocations(db, unique);
  const currentCallId =
    stored.callIds.find((id) => id === current?.id) ??
    (await callIdFor(db, phone, latest.callStartTime));

  // An older call from the same number is over once LEI answers with a newer one.
  const superseded = before
    .filter((c) => c.id !== currentCallId && c.callStartTime !== null && c.callStartTime < latest.callStartTime)
    .map((c) => c.id);
  if (superseded.length > 0) {
    await db
      .update(calls)
      .set({ status: "ended", endedAt: new Date() })
      .where(inArray(calls.id, superseded));
    if (currentCallId) await carryShares(db, superseded, currentCallId, latest.callStartTime);
  }
  if (currentCallId) {
    // LEI answers for this call, so it is live (even if an earlier hiccup had marked it ended).
    await db
      .update(calls)
      .set({ lastPolledAt: new Date(), missedPolls: 0, status: "active", endedAt: null })
      .where(eq(calls.id, currentCallId));
  }
  const created = currentCallId && !before.some((c) => c.id === currentCallId) ? [currentCallId] : [];
  return {
    found: true,
    received: unique.length,
    inserted: stored.inserted,
    changedCallIds: stored.changedCallIds,
    statusChangedCallIds: [...superseded, ...created],
    currentCallId,
  };
}

/**
 * A share delivered after the new call began was meant for it, but landed on the older call because
 * LEI had not yet answered with the new one: move it, and the call's shared status, across.
 */
async function carryShares(db: Db, from: string[], to: string, callStartTime: number): Promise<void> {
  const moved = await db
    .update(datashareDeliveries)
    .set({ callId: to })
    .where(
      and(
        inArray(datashareDeliveries.callId, from),
        gte(datashareDeliveries.receivedAt, new Date(callStartTime)),
      ),
    )
    .returning({ id: datashareDeliveries.id });
  if (moved.length > 0) await db.update(calls).set({ shared: true }).where(eq(calls.id, to));
}

async function fetchSince(lookup: LeiLookup, phone: string, since: number): Promise<CallerLocation[]> {
  const out: CallerLocation[] = [];
  // `start` must be a positive integer to count; without it, `limit` pages from the oldest record.
  let page: LeiLookupResult | null = await lookupOrEmpty(lookup, {
    callerId: phone,
    ...(since > 0 ? { start: since } : {}),
    limit: PAGE_LIMIT,
  });
  for (let n = 0; page && n < MAX_PAGES; n++) {
    out.push(...page.records);
    page = page.next ? await lookupOrEmpty(lookup, { page: page.next }) : null;
  }
  return out;
}

async function lookupOrEmpty(lookup: LeiLookup, input: LeiLookupInput): Promise<LeiLookupResult | null> {
  try {
    return await lookup(input);
  } catch (err) {
    // LEI answers 404 for "nothing (more)".
    if (isUpstreamError(err) && err.kind === "not_found") return null;
    throw err;
  }
}

interface ActiveCall {
  id: string;
  callStartTime: number | null;
  lastCreatedTime: number | null;
  locationCount: number;
  missedPolls: number;
}

async function activeCalls(db: Db, phone: string): Promise<ActiveCall[]> {
  return db
    .select({
      id: calls.id,
      callStartTime: calls.callStartTime,
      lastCreatedTime: calls.lastCreatedTime,
      locationCount: calls.locationCount,
      missedPolls: calls.missedPolls,
    })
    .from(calls)
    .where(and(eq(calls.phone, phone), eq(calls.status, "active")));
}

async function callIdFor(db: Db, phone: string, callStartTime: number): Promise<string | null> {
  const [row] = await db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.phone, phone), eq(calls.callStartTime, callStartTime)))
    .limit(1);
  return row?.id ?? null;
}

async function recordMiss(db: Db, before: ActiveCall[], spacingMs: number): Promise<SyncResult> {
  const ended: string[] = [];
  for (const call of before) {
    // One statement decides from the row as it is now: concurrent polls of one number (a share's
    // poll beside the tick) neither double-count a miss nor end a call on a stale count.
    const limit = sql`case when ${calls.locationCount} > 0 then ${MISSES_TO_END}::int else ${MISSES_TO_GIVE_UP_EMPTY}::int end`;
    const [row] = await db
      .update(calls)
      .set({
        missedPolls: sql`${calls.missedPolls} + 1`,
        lastPolledAt: sql`now()`,
        status: sql`case when ${calls.missedPolls} + 1 >= ${limit} then 'ended' else ${calls.status} end`,
        endedAt: sql`case when ${calls.missedPolls} + 1 >= ${limit} then now() else ${calls.endedAt} end`,
      })
      .where(
        and(
          eq(calls.id, call.id),
          eq(calls.status, "active"),
          or(
            isNull(calls.lastPolledAt),
            lte(calls.lastPolledAt, sql`now() - make_interval(secs => ${spacingMs / 1000}::double precision)`),
          ),
        ),
      )
      .returning({ status: calls.status });
    if (row?.status === "ended") ended.push(call.id);
  }
  return {
    found: false,
    received: 0,
    inserted: 0,
    changedCallIds: [],
    statusChangedCallIds: ended,
    currentCallId: null,
  };
}
