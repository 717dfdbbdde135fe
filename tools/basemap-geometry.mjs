/**
 * Small geometry helpers shared by the basemap build steps. Coordinates are [lon, lat] degrees.
 */
import { bboxClip } from "@turf/bbox-clip";
import { simplify } from "@turf/simplify";

/**
 * Areas the offline basemap covers: the lower 48, Alaska, Hawaii, Puerto Rico and the USVI.
 * [west, south, east, north].
 */
export const US_REGIONS = [
  [-125.5, 24, -66.5, 49.6],
  [-170, 51, -129.5, 71.6],
  [-160.5, 18.8, -154.6, 22.4],
  [-68, 17.6, -64.5, 18.6],
];

/** Land and borders are kept a little wider so the US edge has its neighbours around it. */
export const NORTH_AMERICA = [-172, 14, -50, 72];

/**
 * The demo area (downtown Pittsburgh ± ~80 km). Places there are kept down to the smallest
 * GeoNames town; elsewhere only larger ones, to keep the download small.
 */
export const FOCUS = [-81.0, 39.8, -79.0, 41.1];

export const inBox = ([x, y], [w, s, e, n]) => x >= w && x <= e && y >= s && y <= n;
export const inUs = (c) => US_REGIONS.some((b) => inBox(c, b));

/** Round to `digits` decimals (5 ≈ 1 m, 4 ≈ 10 m, 3 ≈ 100 m), dropping repeated points. */
export function roundCoords(coords, digits) {
  const f = 10 ** digits;
  const r = (v) => Math.round(v * f) / f;
  if (coords.length === 0) return [];
  if (typeof coords[0] === "number") return [r(coords[0]), r(coords[1])];
  if (typeof coords[0][0] === "number") {
    const out = [];
    for (const c of coords) {
      const p = [r(c[0]), r(c[1])];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  }
  return coords.map((c) => roundCoords(c, digits));
}

/** Drop rings that rounding collapsed (fewer than 4 points) and polygons left without an outer ring. */
function cleanPolygon(rings) {
  return rings.filter((r) => r.length >= 4);
}

export function roundGeometry(geometry, digits) {
  const coordinates = roundCoords(geometry.coordinates, digits);
  if (geometry.type === "Polygon") {
    const rings = cleanPolygon(coordinates);
    return rings.length > 0 ? { type: "Polygon", coordinates: rings } : null;
  }
  if (geometry.type === "MultiPolygon") {
    const polys = coordinates.map(cleanPolygon).filter((p) => p.length > 0);
    return polys.length > 0 ? { type: "MultiPolygon", coordinates: polys } : null;
  }
  if (geometry.type === "LineString") {
    return coordinates.length >= 2 ? { type: "LineString", coordinates } : null;
  }
  if (geometry.type === "MultiLineString") {
    const lines = coordinates.filter((l) => l.length >= 2);
    return lines.length > 0 ? { type: "MultiLineString", coordinates: lines } : null;
  }
  return { type: geometry.type, coordinates };
}

/** Signed area of a ring in square degrees (positive = counter-clockwise). */
export function ringArea(ring) {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return a / 2;
}

/** Approximate area of a ring in km², good enough for "is this lake worth drawing". */
export function ringAreaKm2(ring) {
  const lat = ring[0][1];
  return Math.abs(ringArea(ring)) * 111.32 * 111.32 * Math.cos((lat * Math.PI) / 180);
}

/** Equirectangular distance in km; accurate to well under 1 % at the few-km scale we use it. */
export function distanceKm(a, b) {
  const kx = 111.32 * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * 110.57);
}

export function clipToBox(geometry, box) {
  const clipped = bboxClip({ type: "Feature", properties: {}, geometry }, box).geometry;
  return clipped;
}

/**
 * Douglas–Peucker simplification with a tolerance in degrees. Rings that clipping left degenerate
 * (turf refuses them: too few distinct points) are dropped; returns null if no outer ring is left.
 */
export function simplifyGeometry(geometry, toleranceDeg) {
  const options = { tolerance: toleranceDeg, highQuality: false, mutate: true };
  if (geometry.type === "Polygon" || geometry.type === "MultiPolygon") {
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    const out = [];
    for (const rings of polys) {
      const kept = [];
      for (const [i, ring] of rings.entries()) {
        let simplified = null;
        try {
          simplified = simplify({ type: "Polygon", coordinates: [ring] }, options).coordinates[0];
        } catch {
          simplified = null;
        }
        if (!simplified && i === 0) break;
        if (simplified) kept.push(simplified);
      }
      if (kept.length > 0) out.push(kept);
    }
    if (out.length === 0) return null;
    return out.length === 1
      ? { type: "Polygon", coordinates: out[0] }
      : { type: "MultiPolygon", coordinates: out };
  }
  return simplify(geometry, options);
}

export const feature = (geometry, properties = {}) => ({ type: "Feature", properties, geometry });

export const collection = (features) => ({ type: "FeatureCollection", features });

/** Bounding box [w, s, e, n] of any coordinate nesting. */
export function coordsBox(coords, box = [Infinity, Infinity, -Infinity, -Infinity]) {
  if (typeof coords[0] === "number") {
    if (coords[0] < box[0]) box[0] = coords[0];
    if (coords[1] < box[1]) box[1] = coords[1];
    if (coords[0] > box[2]) box[2] = coords[0];
    if (coords[1] > box[3]) box[3] = coords[1];
    return box;
  }
  for (const c of coords) coordsBox(c, box);
  return box;
}

export const boxesOverlap = (a, b) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
