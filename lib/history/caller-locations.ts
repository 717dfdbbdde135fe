/**
 * Every caller location the app receives from LEI is stored once, under the call it belongs to, so a
 * supervisor can review a call long after LEI forgot it (LEI keeps ~10–20 minutes).
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { callerLocations, calls } from "@/lib/db/schema";
import type { CallerLocation } from "@/lib/rapidsos/types";

/**
 * The identity of an LEI record. LEI has no record id; a record seen twice (polling overlap, a retried
 * page, two consoles) has the same caller, times, position and uncertainty.
 */
export function recordKey(r: CallerLocation): string {
  return createHash("sha256")
    .update(
      [
        r.callerId,
        r.callStartTime,
        r.createdTime,
        r.locationTime,
        r.latitude,
        r.longitude,
        r.uncertainty.radiusM,
        r.uncertainty.confidence,
        r.uncertainty.pdf,
        r.source,
      ].join("|"),
    )
    .digest("base64url");
}

export interface StoredBatch {
  /** Calls that received at least one new record. */
  changedCallIds: string[];
  /** The call each distinct (phone, call start) in the batch belongs to. */
  callIds: string[];
  inserted: number;
}

/** Store a batch of records (any callers, any order); returns which calls changed. */
export async function storeCallerLocations(
  db: Db,
  records: CallerLocation[],
): Promise<StoredBatch> {
  const groups = new Map<string, CallerLocation[]>();
  for (const r of records) {
    const key = `${r.callerId}|${r.callStartTime}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const changedCallIds: string[] = [];
  const callIds: string[] = [];
  let inserted = 0;
  for (const group of groups.values()) {
    group.sort((a, b) => a.createdTime - b.createdTime);
    const first = group[0]!;
    const callId = await db.transaction(async (tx) => {
      const id = await findOrCreateCall(tx, first.callerId, first.callStartTime);
      const rows = await tx
        .insert(callerLocations)
        .values(
          group.map((r) => ({
            callId: id,
            phone: r.callerId,
            recordKey: recordKey(r),
            createdTime: r.createdTime,
            locationTime: r.locationTime,
            latitude: r.latitude,
            longitude: r.longitude,
            radiusM: r.uncertainty.radiusM,
            confidence: r.uncertainty.confidence,
            pdf: r.uncertainty.pdf,
            record: r,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: callerLocations.id });
      if (rows.length > 0) {
        const named = [...group].reverse().find((r) => r.callerName !== null);
        const last = group[group.length - 1]!;
        await tx
          .update(calls)
          .set({
            locationCount: sql`${calls.locationCount} + ${rows.length}`,
            lastLocationAt: sql`greatest(coalesce(${calls.lastLocationAt}, 0), ${last.locationTime})`,
            lastCreatedTime: sql`greatest(coalesce(${calls.lastCreatedTime}, 0), ${last.createdTime})`,
            ...(named ? { callerName: named.callerName } : {}),
            status: "active",
            endedAt: null,
            missedPolls: 0,
          })
          .where(eq(calls.id, id));
      }
      inserted += rows.length;
      return { id, changed: rows.length > 0 };
    });
    callIds.push(callId.id);
    if (callId.changed) changedCallIds.push(callId.id);
  }
  return { changedCallIds, callIds, inserted };
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * A call is (phone, call start). A call created before its first record (a Data Share arrives before
 * LEI has anything) has no start yet: the first record claims it.
 */
async function findOrCreateCall(tx: Tx, phone: string, callStartTime: number): Promise<string> {
  const existing = await tx
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.phone, phone), eq(calls.callStartTime, callStartTime)))
    .limit(1);
  if (existing[0]) return existing[0].id;
  const pending = await tx
    .update(calls)
    .set({ callStartTime })
    .where(
      and(
        eq(calls.phone, phone),
        isNull(calls.callStartTime),
        eq(calls.status, "active"),
      ),
    )
    .returning({ id: calls.id });
  if (pending[0]) return pending[0].id;
  const created = await tx
    .insert(calls)
    .values({ phone, callStartTime })
    .onConflictDoUpdate({
      target: [calls.phone, calls.callStartTime],
      set: { phone }, // no-op update so RETURNING yields the existing row under a race
    })
    .returning({ id: calls.id });
  return created[0]!.id;
}

/** The stored trail of one call, oldest first. */
/**
 * A trail is at most this many points, the latest ones: hours of a location every second. Every
 * list the app answers with has a bound; this one comes from LEI, not from the asker.
 */
export const MAX_TRAIL_POINTS = 5_000;

export async function callTrail(db: Db, callId: string, max = MAX_TRAIL_POINTS): Promise<CallerLocation[]> {
  const rows = await db
    .select({ record: callerLocations.record })
    .from(callerLocations)
    .where(eq(callerLocations.callId, callId))
    .orderBy(desc(callerLocations.createdTime), desc(callerLocations.id))
    .limit(max);
  return rows.reverse().map((r) => r.record);
}
