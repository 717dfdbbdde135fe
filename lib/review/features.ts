/**
 * Pure GeoJSON for the review map, built on the console's builders so a reviewed point looks and
 * reads exactly as it did live: the whole stored trail, the selected point as the RapidSOS caller
 * with its circle at the display confidence, the cameras nearest at that moment.
 */
import type { FeatureCollection, Point } from "geojson";
import type { DeviceStatus } from "@/lib/axon/types";
import type { CallSummary } from "@/lib/calls/types";
import { toDisplayCircle } from "@/lib/geo/confidence";
import { deviceFreshness } from "@/lib/time/freshness";
import {
  buildCallerFeatures,
  buildTrailFeatures,
  devicePoint,
  type CallerFeatures,
  type CallerView,
  type DevicePointProps,
  type TrailFeatures,
} from "@/lib/map/features";
import type { CallerLocation } from "@/lib/rapidsos/types";
import type { NearestDevice } from "./types";

const STATUSES: readonly DeviceStatus[] = ["recording", "buffering", "docked", "offline", "unknown"];

export function deviceStatus(raw: string): DeviceStatus {
  return STATUSES.find((s) => s === raw) ?? "unknown";
}

/** Every stored point as a dot (the console leaves the latest to the caller marker), oldest faintest. */
export function reviewTrailFeatures(trail: readonly CallerLocation[]): TrailFeatures {
  return buildTrailFeatures(trail, { dotLatest: true });
}

/** The selected point as the console draws a caller: diamond, label, circle at the display confidence. */
export function selectedPointView(call: CallSummary, point: CallerLocation, displayConfidence: number): CallerView {
  return {
    call,
    location: point,
    origin: "lei",
    circle: toDisplayCircle(point.uncertainty, displayConfidence),
    // Drawn at full strength: in review the point is shown as it was when it arrived, not as "old".
    freshness: "live",
    ageMs: 0,
  };
}

export function selectedPointFeatures(view: CallerView): CallerFeatures {
  return buildCallerFeatures([view], view.call.id);
}

/** Cameras where they were at `at`; one that had not reported for a while is drawn stale. */
export function nearestDeviceFeatures(devices: readonly NearestDevice[], at: number): FeatureCollection<Point, DevicePointProps> {
  return {
    type: "FeatureCollection",
    features: devices.map((d) => {
      const status = deviceStatus(d.status);
      return devicePoint({
        id: d.deviceId,
        status,
        freshness: deviceFreshness(status, d.at, at),
        selected: false,
        badge: d.badge,
        serial: d.serial,
        ageMs: d.ageMs,
        longitude: d.longitude,
        latitude: d.latitude,
      });
    }),
  };
}
