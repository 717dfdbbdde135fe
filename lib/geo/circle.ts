/** Uncertainty circles are drawn on the ground in metres, not as pixel radii that lie at every zoom. */
import turfCircle from "@turf/circle";
import type { Feature, Polygon } from "geojson";

/** Enough vertices that a 5 km circle still looks round at street zoom. */
const STEPS = 64;

export function geodesicCircle<P extends Record<string, unknown>>(
  center: { latitude: number; longitude: number },
  radiusM: number,
  properties: P,
): Feature<Polygon, P> {
  return turfCircle([center.longitude, center.latitude], radiusM, {
    steps: STEPS,
    units: "meters",
    properties,
  }) as Feature<Polygon, P>;
}
