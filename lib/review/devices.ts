/**
 * Which body cameras were nearest a caller at a past moment, from the stored device trails: each
 * device's last stored position at or before that moment, unless it was older than `maxAgeMs`
 * (then where the device was is unknown, not "where it last was"). Ranked with the console's own
 * distance and bearing.
 */
import "server-only";
import { and, desc, gte, lte } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { devicePositions } from "@/lib/db/schema";
import { rankByDistance, type LatLng } from "@/lib/geo/nearest";
import type { NearestDevice, ReviewPoint } from "./types";

/** A buffering camera reports every ~15 minutes: older than that, its position says little. */
export const NEAREST_MAX_AGE_MS = 15 * 60_000;
export const NEAREST_LIMIT = 10;

export async function devicesNearAt(
  db: Db,
  origin: LatLng,
  at: number,
  options: { maxAgeMs?: number; limit?: number } = {},
): Promise<NearestDevice[]> {
  const maxAgeMs = options.maxAgeMs ?? NEAREST_MAX_AGE_MS;
  const rows = await db
    .selectDistinctOn([devicePositions.deviceId])
    .from(devicePositions)
    .where(and(lte(devicePositions.at, at), gte(devicePositions.at, at - maxAgeMs)))
    .orderBy(devicePositions.deviceId, desc(devicePositions.at));
  return rankByDistance(origin, rows, (r) => r)
    .slice(0, options.limit ?? NEAREST_LIMIT)
    .map(({ item: r, distanceM, bearingDeg }) => ({
      deviceId: r.deviceId,
      serial: r.serial,
      officerName: r.officerName,
      badge: r.badge,
      status: r.status,
      latitude: r.latitude,
      longitude: r.longitude,
      accuracyM: r.accuracyM,
      at: r.at,
      ageMs: at - r.at,
      distanceM,
      bearingDeg,
    }));
}

/**
 * Where the caller was at `at`: the newest location reported at or before it; before the first,
 * the first (the moment is then earlier than anything LEI sent).
 */
export function callerAt(trail: readonly ReviewPoint[], at: number): ReviewPoint | null {
  let found: ReviewPoint | null = null;
  for (const p of trail) {
    if (p.locationTime <= at && (!found || p.locationTime >= found.locationTime)) found = p;
  }
  return found ?? trail[0] ?? null;
}
