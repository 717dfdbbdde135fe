/**
 * A Data Share delivery as the console and review show it, judged with one jurisdiction test, so
 * they never disagree about "outside".
 */
import "server-only";
import type { datashareDeliveries } from "@/lib/db/schema";
import type { BoundingBox, CallShare } from "./types";

type Delivery = typeof datashareDeliveries.$inferSelect;

/** Whether a point lies outside the box; null when there is no box. */
export function outsideOf(
  bbox: CallShare["bbox"],
  point: { latitude: number; longitude: number } | null,
): boolean | null {
  return bbox && point ? !insideBox(bbox, point.latitude, point.longitude) : null;
}

/** `latest` is the newest stored location; without one, the incident location RapidSOS sent is judged. */
export function shareOf(d: Delivery, latest: { latitude: number; longitude: number } | null): CallShare {
  const incident =
    d.incidentLatitude !== null && d.incidentLongitude !== null
      ? { latitude: d.incidentLatitude, longitude: d.incidentLongitude }
      : null;
  const bbox = d.bbox ?? null;
  return {
    receivedAt: d.receivedAt.getTime(),
    eccAccountId: d.eccAccountId,
    bbox,
    incident,
    outsideJurisdiction: outsideOf(bbox, latest ?? incident),
  };
}

export function insideBox([west, south, east, north]: BoundingBox, lat: number, lon: number): boolean {
  const inLat = lat >= south && lat <= north;
  // A box may cross the antimeridian (west > east).
  const inLon = west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
  return inLat && inLon;
}
