/**
 * Coordinates in a Data Share payload: the incident location and the ECC's jurisdiction box, each
 * in the shapes partners meet in practice. Numbers may arrive as numeric strings (RapidSOS sends
 * most values as strings elsewhere). Anything out of range is refused, never clamped.
 */
import "server-only";
import { PayloadError } from "./payload-error";

export type BoundingBox = [west: number, south: number, east: number, north: number];
export interface LatLon {
  latitude: number;
  longitude: number;
}

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;
/** "bounding_box" + "min_lat" → "bounding_box.min_lat"; top-level fields have no prefix. */
const path = (field: string, name: string) => (field === "" ? name : `${field}.${name}`);

function coordinate(field: string, raw: unknown, limit: 90 | 180): number {
  const value = typeof raw === "number" ? raw : typeof raw === "string" && NUMERIC.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw new PayloadError(field, "must be a number");
  if (value < -limit || value > limit) {
    throw new PayloadError(field, `must be between -${limit} and ${limit} (${limit === 90 ? "latitude" : "longitude"})`);
  }
  return value;
}

/** The first of `names` present in `o`. */
function key(o: Obj, names: readonly string[]): string | null {
  return names.find((n) => present(o[n])) ?? null;
}

const LAT_KEYS = ["latitude", "lat"] as const;
const LON_KEYS = ["longitude", "lon", "lng", "long"] as const;

/** A {lat, lon} object, or null when it has neither (a shape we do not know). */
function latLonOf(field: string, o: Obj): LatLon | null {
  const lat = key(o, LAT_KEYS);
  const lon = key(o, LON_KEYS);
  if (lat === null && lon === null) return null;
  if (lat === null) throw new PayloadError(path(field, "latitude"), "is required with a longitude");
  if (lon === null) throw new PayloadError(path(field, "longitude"), "is required with a latitude");
  return {
    latitude: coordinate(path(field, lat), o[lat], 90),
    longitude: coordinate(path(field, lon), o[lon], 180),
  };
}

/**
 * The incident location from `incident_location` or `location` ({latitude, longitude} or
 * {lat, lon|lng}), else top-level `latitude`/`longitude`. Optional: an object of another shape
 * (a civic address, say) is reported as unrecognised rather than refusing the share.
 */
export function parseIncidentLocation(body: Obj): { value: LatLon | null; variant: string } | null {
  let unrecognised: string | null = null;
  for (const field of ["incident_location", "location"]) {
    const raw = body[field];
    if (!present(raw)) continue;
    const found = isObject(raw) ? latLonOf(field, raw) : null;
    if (found) return { value: found, variant: field };
    unrecognised ??= `${field}:unrecognised`;
  }
  if (present(body.latitude) || present(body.longitude)) {
    return { value: latLonOf("", body) ?? null, variant: "latitude/longitude" };
  }
  return unrecognised ? { value: null, variant: unrecognised } : null;
}

const MIN_MAX = {
  south: ["min_lat", "minLat", "min_latitude"],
  west: ["min_lon", "min_lng", "minLon", "minLng", "min_longitude"],
  north: ["max_lat", "maxLat", "max_latitude"],
  east: ["max_lon", "max_lng", "maxLon", "maxLng", "max_longitude"],
} as const;
const CORNERS = [
  ["top_left", "bottom_right"],
  ["topLeft", "bottomRight"],
] as const;
const NE_SW = [
  ["northeast", "southwest"],
  ["north_east", "south_west"],
  ["northEast", "southWest"],
  ["ne", "sw"],
] as const;

/** [west, south, east, north] from any of the common shapes; south must not lie north of north. */
export function parseBoundingBox(field: string, raw: unknown): { value: BoundingBox; variant: string } {
  const { box, variant } = readBox(field, raw);
  const [west, south, east, north] = box;
  if (south > north) {
    throw new PayloadError(field, `south edge (${south}) lies north of the north edge (${north})`);
  }
  return { value: [west, south, east, north], variant };
}

function readBox(field: string, raw: unknown): { box: BoundingBox; variant: string } {
  if (Array.isArray(raw)) {
    if (raw.length !== 4) throw new PayloadError(field, "an array must be [west, south, east, north]");
    const [w, s, e, n] = raw as unknown[];
    return {
      box: [coordinate(`${field}[0]`, w, 180), coordinate(`${field}[1]`, s, 90), coordinate(`${field}[2]`, e, 180), coordinate(`${field}[3]`, n, 90)],
      variant: "array",
    };
  }
  if (!isObject(raw)) throw new PayloadError(field, "must be [west, south, east, north] or an object");

  const edges =
    edgeKeys(field, raw, MIN_MAX) ??
    edgeKeys(field, raw, { south: ["south"], west: ["west"], north: ["north"], east: ["east"] });
  if (edges) {
    const at = (edge: keyof typeof edges, limit: 90 | 180) => coordinate(`${field}.${edges[edge]}`, raw[edges[edge]], limit);
    return {
      box: [at("west", 180), at("south", 90), at("east", 180), at("north", 90)],
      variant: edges.south === "south" ? "north/south/east/west" : "min/max",
    };
  }
  for (const [nw, se] of CORNERS) {
    if (!present(raw[nw]) && !present(raw[se])) continue;
    const topLeft = corner(field, raw, nw);
    const bottomRight = corner(field, raw, se);
    return { box: [topLeft.longitude, bottomRight.latitude, bottomRight.longitude, topLeft.latitude], variant: `${nw}/${se}` };
  }
  for (const [ne, sw] of NE_SW) {
    if (!present(raw[ne]) && !present(raw[sw])) continue;
    const northEast = corner(field, raw, ne);
    const southWest = corner(field, raw, sw);
    return { box: [southWest.longitude, southWest.latitude, northEast.longitude, northEast.latitude], variant: `${ne}/${sw}` };
  }
  throw new PayloadError(
    field,
    "unrecognised shape: use [west, south, east, north], {min_lat, min_lon, max_lat, max_lon}, " +
      "{north, south, east, west}, {top_left, bottom_right} or {northeast, southwest}",
  );
}

type Edge = "south" | "west" | "north" | "east";

/** Which key names each edge, when the object uses this family of names (all four, or none). */
function edgeKeys(field: string, o: Obj, family: Record<Edge, readonly string[]>): Record<Edge, string> | null {
  const found = Object.fromEntries(
    (Object.keys(family) as Edge[]).map((edge) => [edge, key(o, family[edge])]),
  ) as Record<Edge, string | null>;
  const named = (Object.keys(found) as Edge[]).filter((edge) => found[edge] !== null);
  if (named.length === 0) return null;
  const missing = (Object.keys(found) as Edge[]).find((edge) => found[edge] === null);
  if (missing) throw new PayloadError(path(field, family[missing][0] as string), "is required with the other edges");
  return found as Record<Edge, string>;
}

function corner(field: string, o: Obj, name: string): LatLon {
  const raw = o[name];
  if (!isObject(raw)) throw new PayloadError(`${field}.${name}`, "must be an object with lat and lon");
  const found = latLonOf(`${field}.${name}`, raw);
  if (!found) throw new PayloadError(`${field}.${name}`, "must have lat and lon");
  return found;
}
