/** Small spherical-earth geometry: good to a few centimetres over a city, which is all we need. */

export interface LatLon {
  lat: number;
  lon: number;
}

/** Waypoints are written as [lat, lon] pairs in the data files. */
export type Waypoint = readonly [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE_LAT = 111_320;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function toLatLon([lat, lon]: Waypoint): LatLon {
  return { lat, lon };
}

/** Great-circle (haversine) distance in metres. */
export function distanceM(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Move a point by metres north and east (flat approximation, fine below a few kilometres). */
export function offsetM(p: LatLon, northM: number, eastM: number): LatLon {
  return {
    lat: p.lat + northM / METRES_PER_DEGREE_LAT,
    lon: p.lon + eastM / (METRES_PER_DEGREE_LAT * Math.cos(rad(p.lat))),
  };
}

/** Move a point `distance` metres toward compass `bearingRad` (0 = north). */
export function displaceM(p: LatLon, distance: number, bearingRad: number): LatLon {
  return offsetM(p, distance * Math.cos(bearingRad), distance * Math.sin(bearingRad));
}

/** A path through waypoints, measured in metres; optionally closed into a loop. */
export class Polyline {
  readonly points: readonly LatLon[];
  readonly length: number;
  private readonly cumulative: number[];

  constructor(waypoints: readonly Waypoint[], closed = false) {
    if (waypoints.length < 1) throw new Error("a polyline needs at least one point");
    const pts = waypoints.map(toLatLon);
    if (closed && pts.length > 1) pts.push(pts[0] as LatLon);
    this.points = pts;
    this.cumulative = [0];
    for (let i = 1; i < pts.length; i++) {
      const prev = this.cumulative[i - 1] as number;
      this.cumulative.push(prev + distanceM(pts[i - 1] as LatLon, pts[i] as LatLon));
    }
    this.length = this.cumulative[this.cumulative.length - 1] as number;
  }

  /** The point `distance` metres along the path, clamped to its ends. */
  at(distance: number): LatLon {
    const pts = this.points;
    if (distance <= 0 || this.length === 0) return pts[0] as LatLon;
    if (distance >= this.length) return pts[pts.length - 1] as LatLon;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) <= distance) lo = mid;
      else hi = mid;
    }
    const a = pts[lo] as LatLon;
    const b = pts[hi] as LatLon;
    const segStart = this.cumulative[lo] as number;
    const segLen = (this.cumulative[hi] as number) - segStart;
    const f = segLen === 0 ? 0 : (distance - segStart) / segLen;
    return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f };
  }

  /** For loops: wrap the distance around the path. */
  atLooped(distance: number): LatLon {
    if (this.length === 0) return this.points[0] as LatLon;
    const d = ((distance % this.length) + this.length) % this.length;
    return this.at(d);
  }
}

/** Round to `digits` decimals and print without exponent noise. */
export function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}
