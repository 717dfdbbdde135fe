/**
 * The built-in basemap: vector tiles cut at build time from packaged data into one PMTiles archive
 * (public/basemap/basemap.pmtiles, see tools/build-basemap.mjs), with glyphs the app serves itself
 * (public/glyphs), so it needs no internet at all. Safe on the server and in the browser: no Node
 * imports, no environment. The browser reads the archive through the `pmtiles://` protocol that
 * components/map/map-view.tsx registers.
 *
 * MapLibre resolves source and glyph URLs inside a style object only when they are absolute,
 * hence `origin` (e.g. `window.location.origin`).
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from "maplibre-gl";
import { MAP_FONTS, mapTheme, type ThemeName } from "./theme";

export const BASEMAP_ATTRIBUTION =
  "© OpenStreetMap contributors (water) · Natural Earth · US Census Bureau · GeoNames";

/** The glyph URL template for our own fontstacks (see tools/basemap-glyphs.mjs). */
export function glyphsUrl(origin: string): string {
  return `${trimOrigin(origin)}/glyphs/{fontstack}/{range}.pbf`;
}

export function trimOrigin(origin: string): string {
  return origin.replace(/\/+$/, "");
}

/** The built-in basemap's data is coarse: beyond this zoom it adds no detail (no streets). */
export const BASEMAP_DETAIL_MAX_ZOOM = 13;

/** One vector source; its source layers are named as tools/build-basemap.mjs LAYER_FILES. */
const BASEMAP_SOURCE = "basemap";
const BASEMAP_ARCHIVE = "/basemap/basemap.pmtiles";

const zoomWidth = (stops: number[]): ExpressionSpecification =>
  ["interpolate", ["exponential", 1.6], ["zoom"], ...stops] as ExpressionSpecification;

/** The built-in offline basemap (see tools/build-basemap.mjs for what the data holds). */
export function buildBasemapStyle(theme: ThemeName, origin: string): StyleSpecification {
  const c = mapTheme(theme).basemap;
  const base = trimOrigin(origin);
  const sources: Record<string, SourceSpecification> = {
    [BASEMAP_SOURCE]: {
      type: "vector",
      // The archive's header gives the zooms (z0–10; MapLibre enlarges z10 tiles beyond) and bounds.
      url: `pmtiles://${base}${BASEMAP_ARCHIVE}`,
      attribution: BASEMAP_ATTRIBUTION,
    },
  };
  const kind = (k: string): ExpressionSpecification => ["==", ["get", "kind"], k];
  // Names, rivers and county lines carry the zoom they are shown from (set at build time in
  // tools/basemap-*.mjs); the tiles below that zoom leave them out, and the filter hides them between.
  const shown = (k: string): ExpressionSpecification => [
    "all",
    kind(k),
    [">=", ["zoom"], ["coalesce", ["get", "minzoom"], 0]],
  ];
  const label = (size: number[]) => ({
    "text-font": [...MAP_FONTS.regular],
    "text-size": ["interpolate", ["linear"], ["zoom"], ...size] as ExpressionSpecification,
  });

  const layers: LayerSpecification[] = [
    { id: "background", type: "background", paint: { "background-color": c.background } },
    {
      id: "land",
      type: "fill",
      source: BASEMAP_SOURCE,
      "source-layer": "land",
      paint: { "fill-color": c.land, "fill-antialias": true },
    },
    {
      id: "lakes",
      type: "fill",
      source: BASEMAP_SOURCE,
      "source-layer": "water",
      filter: kind("lake"),
      paint: { "fill-color": c.water },
    },
    {
      id: "rivers",
      type: "line",
      source: BASEMAP_SOURCE,
      "source-layer": "water",
      filter: shown("river"),
      layout: { "line-cap": "round", "line-join": "round" },
      // Wide rivers (the ones in the data) are ~150–400 m across: ~9 px at z12. The rebuilt river
      // lines are only good to a few hundred metres, so they fade out at street zooms rather than
      // put a caller on the wrong bank.
      paint: {
        "line-color": c.river,
        "line-width": zoomWidth([5, 0.5, 8, 1.4, 10, 3.5, 12, 9, 14, 20]),
        "line-opacity": ["interpolate", ["linear"], ["zoom"], 12.5, 1, 14.5, 0],
      },
    },
    {
      id: "county-lines",
      type: "line",
      source: BASEMAP_SOURCE,
      "source-layer": "boundaries",
      filter: shown("county"),
      layout: { "line-join": "round" },
      paint: {
        "line-color": c.countyLine,
        "line-width": zoomWidth([6, 0.4, 10, 1, 14, 1.6]),
        // 1:10M census lines (±0.3–1 km): a hint of the county, not a street-level boundary.
        "line-opacity": ["interpolate", ["linear"], ["zoom"], 12, 1, 15, 0.4],
        "line-dasharray": [3, 2],
      },
    },
    {
      id: "state-lines",
      type: "line",
      source: BASEMAP_SOURCE,
      "source-layer": "boundaries",
      filter: kind("state"),
      layout: { "line-join": "round" },
      paint: { "line-color": c.stateLine, "line-width": zoomWidth([3, 0.6, 8, 1.4, 12, 2.4]) },
    },
    {
      id: "country-lines",
      type: "line",
      source: BASEMAP_SOURCE,
      "source-layer": "boundaries",
      filter: kind("country"),
      layout: { "line-join": "round" },
      paint: { "line-color": c.countryLine, "line-width": zoomWidth([3, 0.8, 8, 1.8, 12, 3]) },
    },
    {
      id: "county-labels",
      type: "symbol",
      source: BASEMAP_SOURCE,
      "source-layer": "places",
      filter: shown("county"),
      layout: {
        ...label([8, 10, 12, 13]),
        "text-field": ["upcase", ["get", "name"]],
        "text-letter-spacing": 0.12,
        "text-max-width": 8,
        "symbol-sort-key": 10,
      },
      paint: { "text-color": c.countyText, "text-halo-color": c.textHalo, "text-halo-width": 1.2 },
    },
    {
      id: "state-labels",
      type: "symbol",
      source: BASEMAP_SOURCE,
      "source-layer": "places",
      filter: shown("state"),
      maxzoom: 8.5,
      layout: {
        "text-font": [...MAP_FONTS.bold],
        "text-size": ["interpolate", ["linear"], ["zoom"], 3, 10, 6, 14, 8, 16],
        "text-field": ["upcase", ["get", "name"]],
        "text-letter-spacing": 0.15,
        "text-max-width": 7,
      },
      paint: { "text-color": c.stateText, "text-halo-color": c.textHalo, "text-halo-width": 1.2 },
    },
    {
      id: "place-labels",
      type: "symbol",
      source: BASEMAP_SOURCE,
      "source-layer": "places",
      // Fewer, larger places when zoomed out; every packaged place from z10 (its `minzoom`).
      filter: shown("place"),
      layout: {
        "text-font": [
          "case",
          [">=", ["get", "pop"], 100_000],
          ["literal", [...MAP_FONTS.bold]],
          ["literal", [...MAP_FONTS.regular]],
        ],
        "text-field": ["get", "name"],
        "text-size": [
          "interpolate",
          ["linear"],
          ["zoom"],
          4,
          ["step", ["get", "pop"], 10, 250_000, 12],
          10,
          ["step", ["get", "pop"], 12, 20_000, 13, 100_000, 16],
          14,
          ["step", ["get", "pop"], 14, 20_000, 15, 100_000, 19],
        ],
        "text-max-width": 8,
        "text-padding": 3,
        "symbol-sort-key": ["-", 0, ["get", "pop"]],
      },
      paint: {
        "text-color": ["case", [">=", ["get", "pop"], 100_000], c.placeTextMajor, c.placeText],
        "text-halo-color": c.textHalo,
        "text-halo-width": 1.4,
      },
    },
  ];

  return {
    version: 8,
    name: `Dispatcher Map offline basemap (${theme})`,
    // Past this zoom the offline data has nothing finer to show; the UI may say so.
    metadata: { "dispatcher-map:detail-max-zoom": BASEMAP_DETAIL_MAX_ZOOM },
    glyphs: glyphsUrl(origin),
    sources,
    layers,
  };
}
