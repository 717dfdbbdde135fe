/**
 * The stored calls a supervisor can review, newest call start first, a keyset page at a time.
 * A call LEI never answered for (a Data Share that found nothing) has no start: it sorts by when the
 * app first heard of it, so it is never lost between pages.
 */
import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { shareOf } from "@/lib/calls/share";
import { latestOfCalls } from "@/lib/calls/summaries";
import { calls } from "@/lib/db/schema";
import { encodeCursor, type ReviewCursor, type ReviewFilters } from "./filters";
import type { ReviewCallRow, ReviewListResponse } from "./types";

export const DEFAULT_REVIEW_PAGE = 50;

/** The moment a call is listed under (ms): LEI's call start, else when we first saw it. */
const startMs = sql<number>`coalesce(${calls.callStartTime}, (extract(epoch from ${calls.firstSeenAt}) * 1000)::bigint)`;

function where(filters: ReviewFilters, before?: ReviewCursor): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filters.phone) parts.push(eq(calls.phone, filters.phone));
  if (filters.from) parts.push(sql`${startMs} >= ${filters.from.getTime()}`);
  if (filters.to) parts.push(sql`${startMs} <= ${filters.to.getTime()}`);
  if (filters.status) parts.push(eq(calls.status, filters.status));
  if (filters.shared) parts.push(eq(calls.shared, true));
  if (before) parts.push(sql`(${startMs}, ${calls.id}) < (${before.startMs}, ${before.id}::uuid)`);
  return and(...parts);
}

export async function listReviewCalls(
  db: Db,
  filters: ReviewFilters,
  page: { before?: ReviewCursor; limit?: number } = {},
): Promise<ReviewListResponse> {
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_REVIEW_PAGE, 1), 200);
  const rows = await db
    .select({ call: calls, startMs: sql<string>`${startMs}` })
    .from(calls)
    .where(where(filters, page.before))
    .orderBy(desc(startMs), desc(calls.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    calls: await withLatestAndShare(db, shown.map((r) => r.call)),
    // bigint arrives as a string from node-postgres and as a number from PGlite.
    nextBefore: more && last ? encodeCursor({ startMs: Number(last.startMs), id: last.call.id }) : null,
  };
}

type CallRow = typeof calls.$inferSelect;

/** Two queries for the whole page, not two per call. */
async function withLatestAndShare(db: Db, rows: CallRow[]): Promise<ReviewCallRow[]> {
  const { latestByCall, shareByCall } = await latestOfCalls(db, rows.map((r) => r.id));
  return rows.map((row) => {
    const record = latestByCall.get(row.id);
    const point = record ? { latitude: record.latitude, longitude: record.longitude } : null;
    const delivery = shareByCall.get(row.id);
    return {
      id: row.id,
      phone: row.phone,
      callerName: row.callerName,
      status: row.status,
      callStartTime: row.callStartTime,
      firstSeenAt: row.firstSeenAt.getTime(),
      lastLocationAt: row.lastLocationAt,
      latest: point,
      endedAt: row.endedAt?.getTime() ?? null,
      locationCount: row.locationCount,
      shared: row.shared,
      share: delivery ? shareOf(delivery, point) : null,
    };
  });
}
