/**
 * An agency's own basemap as a Protomaps-schema PMTiles archive (for example one dropped into
 * `<DATA_DIR>/tiles/` and set as `MAP_STYLE_URL=/tiles/<name>.pmtiles`), drawn with the Protomaps
 * basemap layers in our theme and with our glyphs. The browser must register the `pmtiles://`
 * protocol first (`maplibregl.addProtocol("pmtiles", new Protocol().tile)`).
 */
import { layers as protomapsLayers, namedFlavor } from "@protomaps/basemaps";
import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import { glyphsUrl, trimOrigin } from "./basemap-style";
import { MAP_FONTS, type ThemeName } from "./theme";

const PROTOMAPS_ATTRIBUTION =
  '<a href="https://protomaps.com">Protomaps</a> © <a href="https://openstreetmap.org/copyright">OpenStreetMap</a>';

/** True for a URL or path whose file name ends in `.pmtiles` (query and fragment ignored). */
export { isPmtilesUrl } from "./pmtiles-url";

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
