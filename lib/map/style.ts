/**
 * The map's basemap style. Safe on the server and in the browser: no Node imports, no environment.
 *
 * - Built-in (default): GeoJSON layers made at build time from packaged data (public/basemap) with
 *   glyphs the app serves itself (public/glyphs), so it needs no internet at all.
 * - A `.pmtiles` URL or path: a Protomaps-schema vector archive (for example one an agency dropped
 *   into `<DATA_DIR>/tiles/` and set as `MAP_STYLE_URL=/tiles/<name>.pmtiles`), drawn with the
 *   Protomaps basemap layers in our theme and with our glyphs. The browser must register the
 *   `pmtiles://` protocol first (`maplibregl.addProtocol("pmtiles", new Protocol().tile)`).
 * - Anything else: a MapLibre style URL, used as is.
 *
 * MapLibre resolves source and glyph URLs inside a style object only when they are absolute,
 * hence `origin` (e.g. `window.location.origin`).
 */
import { layers as protomapsLayers, namedFlavor } from "@protomaps/basemaps";
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from "maplibre-gl";
import { MAP_FONTS, mapTheme, type ThemeName } from "./theme";

export const BASEMAP_ATTRIBUTION =
  "© OpenStreetMap contributors (water) · Natural Earth · US Census Bureau · GeoNames";

const PROTOMAPS_ATTRIBUTION =
  '<a href="https://protomaps.com">Protomaps</a> © <a href="https://openstreetmap.org/copyright">OpenStreetMap</a>';

/** The glyph URL template for our own fontstacks (see lib/tools/basemap-glyphs.mjs). */
export function glyphsUrl(origin: string): string {
  return `${trimOrigin(origin)}/glyphs/{fontstack}/{range}.pbf`;
}

function trimOrigin(origin: string): string {
  return origin.replace(/\/+$/, "");
}

/** The built-in basemap's data is coarse: beyond this zoom it adds no detail (no streets). */
export const BASEMAP_DETAIL_MAX_ZOOM = 13;

const BASEMAP_SOURCES = ["land", "water", "boundaries", "places"] as const;

const zoomWidth = (stops: number[]): ExpressionSpecification =>
  ["interpolate", ["exponential", 1.6], ["zoom"], ...stops] as ExpressionSpecification;

/** The built-in offline basemap (see lib/tools/build-basemap.mjs for what the data holds). */
export function buildBasemapStyle(theme: ThemeName, origin: string): StyleSpecification {
  const c = mapTheme(theme).basemap;
  const base = trimOrigin(origin);
  const sources: Record<string, SourceSpecification> = {};
  for (const name of BASEMAP_SOURCES) {
    sources[`basemap-${name}`] = {
      type: "geojson",
      data: `${base}/basemap/${name}.json`,
      // The data is no finer than ~10–100 m; tiling past z12 only costs memory.
      maxzoom: 12,
      tolerance: 0.5,
      ...(name === "land" ? { attribution: BASEMAP_ATTRIBUTION } : {}),
    };
  }
  const kind = (k: string): ExpressionSpecification => ["==", ["get", "kind"], k];
  const label = (size: number[]) => ({
    "text-font": [...MAP_FONTS.regular],
    "text-size": ["interpolate", ["linear"], ["zoom"], ...size] as ExpressionSpecification,
  });

  const layers: LayerSpecification[] = [
    { id: "background", type: "background", paint: { "background-color": c.background } },
    { id: "land", type: "fill", source: "basemap-land", paint: { "fill-color": c.land, "fill-antialias": true } },
    {
      id: "lakes",
      type: "fill",
      source: "basemap-water",
      filter: kind("lake"),
      paint: { "fill-color": c.water },
    },
    {
      id: "rivers",
      type: "line",
      source: "basemap-water",
      filter: kind("river"),
      minzoom: 5,
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
      source: "basemap-boundaries",
      filter: kind("county"),
      minzoom: 6,
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
      source: "basemap-boundaries",
      filter: kind("state"),
      layout: { "line-join": "round" },
      paint: { "line-color": c.stateLine, "line-width": zoomWidth([3, 0.6, 8, 1.4, 12, 2.4]) },
    },
    {
      id: "country-lines",
      type: "line",
      source: "basemap-boundaries",
      filter: kind("country"),
      layout: { "line-join": "round" },
      paint: { "line-color": c.countryLine, "line-width": zoomWidth([3, 0.8, 8, 1.8, 12, 3]) },
    },
    {
      id: "county-labels",
      type: "symbol",
      source: "basemap-places",
      filter: kind("county"),
      minzoom: 8,
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
      source: "basemap-places",
      filter: kind("state"),
      minzoom: 3,
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
      source: "basemap-places",
      // Fewer, larger places when zoomed out; every packaged place from z10.
      filter: [
        "all",
        kind("place"),
        [
          ">=",
          ["get", "pop"],
          ["step", ["zoom"], 300_000, 5, 150_000, 6, 60_000, 7, 25_000, 8, 10_000, 9, 4_000, 10, 0],
        ],
      ],
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

/** True for a URL or path whose file name ends in `.pmtiles` (query and fragment ignored). */
export function isPmtilesUrl(url: string): boolean {
  const pathname = url.replace(/[?#].*$/, "");
  return /\.pmtiles$/i.test(pathname);
}

/** Replace Protomaps' Noto fontstacks, wherever an expression names them, with ours. */
function withOurFonts(value: unknown): unknown {
  if (typeof value === "string") {
    if (!value.startsWith("Noto Sans")) return value;
    return /Medium|Bold/.test(value) ? MAP_FONTS.bold[0] : MAP_FONTS.regular[0];
  }
  if (Array.isArray(value)) return value.map(withOurFonts);
  return value;
}

/** Road shields are sprite images with the route number drawn on top; the number alone misleads. */
const SHIELD_LAYERS = new Set(["roads_shields"]);

/**
 * Protomaps layers without the sprite (it is online-only): icon-only layers (one-way arrows) and
 * shields are dropped; layers with text and an icon (town dots, POIs) keep their text.
 */
function withoutIcons(layers: LayerSpecification[]): LayerSpecification[] {
  const out: LayerSpecification[] = [];
  for (const layer of layers) {
    if (layer.type !== "symbol" || !layer.layout) {
      out.push(layer);
      continue;
    }
    if (SHIELD_LAYERS.has(layer.id)) continue;
    const layout: Record<string, unknown> = { ...layer.layout };
    if ("icon-image" in layout && !("text-field" in layout)) continue;
    for (const key of Object.keys(layout)) if (key.startsWith("icon-")) delete layout[key];
    // Fonts are named in text-font and also inside text-field `format` sections (per script).
    for (const key of ["text-font", "text-field"]) if (key in layout) layout[key] = withOurFonts(layout[key]);
    out.push({ ...layer, layout } as LayerSpecification);
  }
  return out;
}

/**
 * A style for a Protomaps-schema PMTiles archive (https://docs.protomaps.com/basemaps/downloads),
 * drawn with @protomaps/basemaps' layers in our theme's flavour and with our glyphs.
 */
export function buildPmtilesStyle(archiveUrl: string, theme: ThemeName, origin: string): StyleSpecification {
  const absolute = new URL(archiveUrl, `${trimOrigin(origin)}/`).href;
  const flavor = {
    ...namedFlavor(theme),
    regular: MAP_FONTS.regular[0],
    bold: MAP_FONTS.bold[0],
    italic: MAP_FONTS.regular[0],
  };
  const layers = withoutIcons(protomapsLayers("protomaps", flavor, { lang: "en" }) as LayerSpecification[]);
  return {
    version: 8,
    name: `Dispatcher Map PMTiles basemap (${theme})`,
    glyphs: glyphsUrl(origin),
    sources: {
      protomaps: { type: "vector", url: `pmtiles://${absolute}`, attribution: PROTOMAPS_ATTRIBUTION },
    },
    layers,
  };
}

export interface ResolveMapStyleInput {
  /** `getConfig().mapStyleUrl`: an http(s) URL, a path served by the app, or null. */
  mapStyleUrl: string | null | undefined;
  theme: ThemeName;
  /** The page's origin, e.g. `window.location.origin`. */
  origin: string;
}

/** What to hand `new maplibregl.Map({ style })` / `map.setStyle()`: a style URL or a style object. */
export type ResolvedMapStyle = string | StyleSpecification;

export function resolveMapStyle({ mapStyleUrl, theme, origin }: ResolveMapStyleInput): ResolvedMapStyle {
  const url = mapStyleUrl?.trim();
  if (!url) return buildBasemapStyle(theme, origin);
  if (isPmtilesUrl(url)) return buildPmtilesStyle(url, theme, origin);
  // A path served by the app is made absolute; a full URL is passed through untouched.
  return url.startsWith("/") ? `${trimOrigin(origin)}${url}` : url;
}
