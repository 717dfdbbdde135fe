/**
 * What the review pages and API do, each audited: search the stored calls, view one (review.view,
 * with its phone and id), export one (review.export, with format and row count, recorded before
 * the file is sent, as the audit export does). Nothing here writes anything but audit rows.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import { getConfig } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { notFound, type RequestMeta } from "@/lib/server/http";
import { dataNow } from "@/lib/server/clock";
import { reviewCall } from "./call";
import { callerAt, devicesNearAt, NEAREST_LIMIT, NEAREST_MAX_AGE_MS } from "./devices";
import { callCsv, callGeoJson, exportFilename, type ExportFormat } from "./export";
import { reviewFiltersToSearchParams, type ReviewPageQuery } from "./filters";
import { listReviewCalls } from "./list";
import type { NearestDevicesResponse, ReviewCallResponse, ReviewListResponse } from "./types";

export interface ReviewOptions {
  /** The clock ages are measured on (the sandbox's when it runs). */
  now?: number;
  displayConfidence?: number;
}

export async function searchReviewCalls(
  db: Db,
  user: SessionUser,
  query: ReviewPageQuery,
  meta: RequestMeta,
): Promise<ReviewListResponse> {
  const { before, limit, ...filters } = query;
  const page = await listReviewCalls(db, filters, { before, limit });
  await recordAudit(
    {
      action: "review.search",
      outcome: "success",
      actor: user,
      phone: filters.phone ?? null,
      meta,
      detail: { filters: Object.fromEntries(reviewFiltersToSearchParams(filters)), rows: page.calls.length, paged: before !== undefined },
    },
    db,
  );
  return page;
}

async function readCall(db: Db, user: SessionUser, callId: string, now?: number): Promise<ReviewCallResponse> {
  const result = await reviewCall(db, callId, user.id, now ?? dataNow());
  if (!result) throw notFound("No such call. It may have passed the retention period.");
  return result;
}

/** One page view of one call: audited once, whatever the page does afterwards. */
export async function viewReviewCall(
  db: Db,
  user: SessionUser,
  callId: string,
  meta: RequestMeta,
  options: ReviewOptions = {},
): Promise<ReviewCallResponse> {
  const result = await readCall(db, user, callId, options.now);
  await recordAudit(
    {
      action: "review.view",
      outcome: "success",
      actor: user,
      phone: result.call.phone,
      target: callId,
      meta,
      detail: { locations: result.trail.length, shared: result.call.shared },
    },
    db,
  );
  return result;
}

export interface ExportFile {
  body: string;
  filename: string;
  contentType: string;
  rows: number;
}

export async function exportReviewCall(
  db: Db,
  user: SessionUser,
  callId: string,
  format: ExportFormat,
  meta: RequestMeta,
  options: ReviewOptions = {},
): Promise<ExportFile> {
  const { call, trail } = await readCall(db, user, callId, options.now);
  const confidence = options.displayConfidence ?? getConfig().displayConfidence;
  // Audited before the file leaves: an export that was sent is always in the trail.
  await recordAudit(
    {
      action: "review.export",
      outcome: "success",
      actor: user,
      phone: call.phone,
      target: callId,
      meta,
      detail: { format, rows: trail.length, displayConfidence: confidence },
    },
    db,
  );
  return format === "csv"
    ? { body: callCsv(call, trail, confidence), filename: exportFilename(call, "csv"), contentType: "text/csv; charset=utf-8", rows: trail.length }
    : {
        body: JSON.stringify(callGeoJson(call, trail, confidence)),
        filename: exportFilename(call, "geojson"),
        contentType: "application/geo+json; charset=utf-8",
        rows: trail.length,
      };
}

/**
 * The cameras nearest the caller at `at`, from stored positions. Part of viewing a call, which is
 * audited once per page view, so this read is not audited again.
 */
export async function nearestDevicesForCall(
  db: Db,
  user: SessionUser,
  callId: string,
  at: number,
  options: { limit?: number; now?: number } = {},
): Promise<NearestDevicesResponse> {
  const { trail } = await readCall(db, user, callId, options.now);
  const origin = callerAt(trail, at);
  return {
    at,
    origin: origin && { latitude: origin.latitude, longitude: origin.longitude, locationTime: origin.locationTime },
    maxAgeMs: NEAREST_MAX_AGE_MS,
    devices: origin ? await devicesNearAt(db, origin, at, { limit: options.limit ?? NEAREST_LIMIT }) : [],
  };
}
