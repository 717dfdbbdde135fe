/** Which officers are closest to a caller: great-circle distance and the bearing from the caller. */
import turfBearing from "@turf/bearing";
import turfDistance from "@turf/distance";

export interface LatLng {
  latitude: number;
  longitude: number;
}

export interface Ranked<T> {
  item: T;
  distanceM: number;
  /** 0–360, clockwise from true north, from the origin to the item. */
  bearingDeg: number;
}

export function distanceM(a: LatLng, b: LatLng): number {
  return turfDistance([a.longitude, a.latitude], [b.longitude, b.latitude], { units: "meters" });
}

export function bearingDeg(from: LatLng, to: LatLng): number {
  const b = turfBearing([from.longitude, from.latitude], [to.longitude, to.latitude]);
  return (b + 360) % 360;
}

/**
 * Items with a position, nearest first. Items whose `position` is null are left out: a device
 * with no fix is listed elsewhere as "no location" but cannot be ranked. Ties keep input order.
 */
export function rankByDistance<T>(
  origin: LatLng,
  items: readonly T[],
  position: (item: T) => LatLng | null,
): Ranked<T>[] {
  const ranked: Ranked<T>[] = [];
  for (const item of items) {
    const p = position(item);
    if (!p) continue;
    ranked.push({ item, distanceM: distanceM(origin, p), bearingDeg: bearingDeg(origin, p) });
  }
  return ranked.sort((a, b) => a.distanceM - b.distanceM);
}

const COMPASS = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"] as const;

/** "NE 42°": the compass point reads at a glance, the degrees are there for a radio call. */
export function formatBearing(deg: number): string {
  const d = ((Math.round(deg) % 360) + 360) % 360;
  const point = COMPASS[Math.round(d / 45) % 8] as string;
  return `${point} ${d}°`;
}

/** Metres below 1 km, else km with one decimal. */
export function formatDistance(m: number): string {
  if (m < 999.5) return `${Math.round(m)} m`;
  return `${(m / 1000).toFixed(1)} km`;
}
