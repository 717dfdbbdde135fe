/**
 * Land, borders and area labels for the offline basemap.
 *
 * Sources (all installed from npm, no network at build or run time):
 * - world-atlas land-10m / countries-10m: Natural Earth 1:10m (public domain), for land and
 *   international borders around the US.
 * - us-atlas counties-10m: US Census Bureau cartographic boundaries 1:10,000,000 (public domain),
 *   for state and county lines and names.
 */
import { createRequire } from "node:module";
import polylabel from "polylabel";
import { feature as topoFeature, mesh } from "topojson-client";
import {
  NORTH_AMERICA,
  US_REGIONS,
  boxesOverlap,
  clipToBox,
  coordsBox,
  feature,
  ringArea,
  roundGeometry,
  simplifyGeometry,
} from "./basemap-geometry.mjs";

const require = createRequire(import.meta.url);

/** The US areas plus a margin, so neighbouring coasts frame the view (not all of Arctic Canada). */
const LAND_REGIONS = US_REGIONS.map(([w, s, e, n]) => [w - 4, s - 4, e + 4, n + 4]);

/** Land around the US, one MultiPolygon at ~100 m precision (the source is 1:10m, ±1 km). */
export function buildLand() {
  const topo = require("world-atlas/land-10m.json");
  const land = topoFeature(topo, topo.objects.land);
  const polygons = [];
  for (const f of land.features) {
    const g = f.geometry;
    const list = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const rings of list) {
      const box = coordsBox(rings[0]);
      for (const region of LAND_REGIONS) {
        if (!boxesOverlap(box, region)) continue;
        const clipped = clipToBox({ type: "Polygon", coordinates: rings }, region);
        const simplified = simplifyGeometry(clipped, 0.002);
        const rounded = simplified && roundGeometry(simplified, 3);
        if (!rounded) continue;
        if (rounded.type === "Polygon") polygons.push(rounded.coordinates);
        else polygons.push(...rounded.coordinates);
      }
    }
  }
  return [feature({ type: "MultiPolygon", coordinates: polygons }, { kind: "land" })];
}

/** County lines from this zoom (the tiles leave them out below it): a whole state of them is noise. */
export const COUNTY_LINE_MIN_ZOOM = 6;

/** One MultiLineString per kind: thousands of small features would mostly be JSON overhead. */
function meshLines(topo, object, filter, kind, minzoom = 0) {
  const m = mesh(topo, object, filter);
  const g = roundGeometry(m, 3);
  return g ? [feature(g, minzoom > 0 ? { kind, minzoom } : { kind })] : [];
}

/** Country, state and county lines (each shared edge once, so dashes do not double up). */
export function buildBoundaries() {
  const world = require("world-atlas/countries-10m.json");
  const countryLines = meshLines(world, world.objects.countries, (a, b) => a !== b, "country").map(
    (f) => ({ ...f, geometry: clipToBox(f.geometry, NORTH_AMERICA) }),
  );

  const us = require("us-atlas/counties-10m.json");
  // The source is quantised to ~0.0036° × 0.0009°, so 3 decimals lose nothing visible.
  const stateLines = meshLines(us, us.objects.states, (a, b) => a !== b, "state");
  // County edges that are also state edges are drawn once, as state lines.
  const countyLines = meshLines(
    us,
    us.objects.counties,
    (a, b) => a !== b && String(a.id).slice(0, 2) === String(b.id).slice(0, 2),
    "county",
    COUNTY_LINE_MIN_ZOOM,
  );
  return [...countryLines, ...stateLines, ...countyLines];
}

/** The point inside the largest polygon that is farthest from its edges: where a label reads best. */
function labelPoint(geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = polys[0];
  let bestArea = -Infinity;
  for (const p of polys) {
    const a = Math.abs(ringArea(p[0]));
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const precision = Math.max(0.0005, Math.sqrt(bestArea) / 50);
  const [x, y] = polylabel(best, precision);
  return [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4];
}

/** From these zooms the map names states and counties; the tiles leave the labels out below them. */
export const STATE_LABEL_MIN_ZOOM = 3;
export const COUNTY_LABEL_MIN_ZOOM = 8;

/** Label points for states and counties; `area` (km², rough) lets the style hide small ones early. */
export function buildAreaLabels() {
  const us = require("us-atlas/counties-10m.json");
  const out = [];
  for (const [object, kind] of [
    [us.objects.states, "state"],
    [us.objects.counties, "county"],
  ]) {
    const fc = topoFeature(us, object);
    for (const f of fc.features) {
      if (!f.geometry || !f.properties?.name) continue;
      const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      const lat = polys[0][0][0][1];
      const area = polys.reduce((s, p) => s + Math.abs(ringArea(p[0])), 0);
      const km2 = Math.round(area * 111.32 * 111.32 * Math.cos((lat * Math.PI) / 180));
      // The zoom from which the map names it: the tiles leave it out below, the style filters on it.
      const properties =
        kind === "state"
          ? { kind, name: f.properties.name, area: km2, minzoom: STATE_LABEL_MIN_ZOOM }
          : { kind, name: f.properties.name, minzoom: COUNTY_LABEL_MIN_ZOOM };
      out.push(feature({ type: "Point", coordinates: labelPoint(f.geometry) }, properties));
    }
  }
  return out;
}
