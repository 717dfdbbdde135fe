/**
 * A Data Share delivery as review shows it, judged with the console's own jurisdiction test, so
 * review and console never disagree about "outside".
 */
import "server-only";
import type { CallShare } from "@/lib/calls/types";
import { insideBox } from "@/lib/calls/summaries";
import type { datashareDeliveries } from "@/lib/db/schema";

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
