import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import type { StyleSpecification } from "maplibre-gl";
import { describe, expect, it } from "vitest";
import { buildBasemapStyle } from "./basemap-style";
import { buildPmtilesStyle, isPmtilesUrl } from "./pmtiles-style";
import { resolveMapStyle } from "./style";
import { MAP_FONTS, MAP_THEMES, THEME_NAMES, parseThemeName, type ThemeName } from "./theme";

const ORIGIN = "http://console.ecc.example:8080";
const OUR_FONTS = new Set<string>([...MAP_FONTS.regular, ...MAP_FONTS.bold]);

/** Every font name in every layer's text-font or text-field (`format` can name fonts too). */
function fontsUsed(style: StyleSpecification): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string") found.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
  };
  for (const layer of style.layers) {
    if (layer.type !== "symbol") continue;
    walk(layer.layout?.["text-font"]);
    walk(layer.layout?.["text-field"]);
  }
  // Expression operators and property names are strings too; keep what looks like a font name.
  return new Set([...found].filter((s) => /Sans|Serif|Mono|Noto|DejaVu/.test(s)));
}

function asObject(style: ReturnType<typeof resolveMapStyle>): StyleSpecification {
  if (typeof style === "string") throw new Error(`expected a style object, got URL ${style}`);
  return style;
}

describe.each(THEME_NAMES)("built-in basemap, %s", (theme: ThemeName) => {
  const style = buildBasemapStyle(theme, `${ORIGIN}/`);

  it("is a valid MapLibre style", () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it("reads the built archive through the pmtiles:// protocol, and glyphs, from the app's own origin", () => {
    expect(style.glyphs).toBe(`${ORIGIN}/glyphs/{fontstack}/{range}.pbf`);
    expect(style.sources).toEqual({
      basemap: expect.objectContaining({ type: "vector", url: `pmtiles://${ORIGIN}/basemap/basemap.pmtiles` }),
    });
    // One source layer per layer file the build cuts into the archive (tools/build-basemap.mjs).
    const sourceLayers = new Set(style.layers.map((l) => ("source-layer" in l ? l["source-layer"] : undefined)));
    sourceLayers.delete(undefined);
    expect(sourceLayers).toEqual(new Set(["land", "water", "boundaries", "places"]));
  });

  it("uses only fontstacks the app serves glyphs for", () => {
    const fonts = fontsUsed(style);
    expect(fonts.size).toBeGreaterThan(0);
    for (const f of fonts) expect(OUR_FONTS.has(f)).toBe(true);
  });

  it("takes its colours from the theme", () => {
    const background = style.layers.find((l) => l.id === "background");
    expect(background?.paint).toEqual({ "background-color": MAP_THEMES[theme].basemap.background });
  });
});

describe("PMTiles basemap", () => {
  it("reads a Protomaps archive through the pmtiles:// protocol, with our glyphs", () => {
    const style = asObject(
      resolveMapStyle({ mapStyleUrl: "/tiles/pittsburgh.pmtiles", theme: "dark", origin: ORIGIN }, buildPmtilesStyle),
    );
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources).toEqual({
      protomaps: expect.objectContaining({
        type: "vector",
        url: `pmtiles://${ORIGIN}/tiles/pittsburgh.pmtiles`,
      }),
    });
    expect(style.glyphs).toBe(`${ORIGIN}/glyphs/{fontstack}/{range}.pbf`);
    const sourceLayers = new Set(style.layers.map((l) => ("source-layer" in l ? l["source-layer"] : "")));
    for (const layer of ["earth", "water", "roads", "places", "boundaries"]) {
      expect(sourceLayers.has(layer)).toBe(true);
    }
  });

  it("drops Noto fonts and sprite icons, which an offline app cannot serve", () => {
    for (const theme of THEME_NAMES) {
      const style = buildPmtilesStyle("https://tiles.example.org/us.pmtiles", theme, ORIGIN);
      for (const f of fontsUsed(style)) expect(OUR_FONTS.has(f)).toBe(true);
      expect(style.sprite).toBeUndefined();
      for (const layer of style.layers) {
        expect(layer.layout && "icon-image" in layer.layout).toBeFalsy();
      }
      // Town names keep their text even though their dot icon is gone.
      const towns = style.layers.find((l) => l.id === "places_locality");
      expect(towns?.layout && "text-field" in towns.layout).toBe(true);
      expect(style.layers.some((l) => l.id === "roads_oneway" || l.id === "roads_shields")).toBe(false);
    }
  });

  it("follows the theme", () => {
    const bg = (theme: ThemeName) => {
      const style = buildPmtilesStyle("/tiles/a.pmtiles", theme, ORIGIN);
      const layer = style.layers.find((l) => l.type === "background");
      return layer?.paint && "background-color" in layer.paint ? layer.paint["background-color"] : null;
    };
    expect(bg("dark")).not.toEqual(bg("light"));
  });

  it("recognises .pmtiles by file name, ignoring query and case", () => {
    expect(isPmtilesUrl("/tiles/us.pmtiles")).toBe(true);
    expect(isPmtilesUrl("https://x.example/a/US.PMTILES?v=2#z")).toBe(true);
    expect(isPmtilesUrl("https://x.example/style.json?file=a.pmtiles")).toBe(false);
    expect(isPmtilesUrl("/tiles/us.pmtiles.json")).toBe(false);
  });
});

describe("resolveMapStyle", () => {
  it("uses the built-in basemap when nothing is configured", () => {
    for (const mapStyleUrl of [null, undefined, "", "  "]) {
      const style = asObject(resolveMapStyle({ mapStyleUrl, theme: "light", origin: ORIGIN }));
      expect(style.name).toContain("offline basemap (light)");
    }
  });

  it("passes any other style URL through, making app paths absolute", () => {
    const url = "https://maps.example.org/styles/dark.json?key=abc";
    expect(resolveMapStyle({ mapStyleUrl: url, theme: "dark", origin: ORIGIN })).toBe(url);
    expect(resolveMapStyle({ mapStyleUrl: "/styles/agency.json", theme: "dark", origin: ORIGIN })).toBe(
      `${ORIGIN}/styles/agency.json`,
    );
  });
});

describe("theme tokens", () => {
  // WCAG relative luminance and contrast ratio.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it.each(THEME_NAMES)("keeps overlay markers readable on the %s basemap", (theme) => {
    const { basemap, overlay } = MAP_THEMES[theme];
    for (const colour of Object.values({ ...basemap, ...overlay })) {
      if (typeof colour === "string") expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    }
    // WCAG's 3:1 for graphical objects, against land, water and rivers.
    for (const ground of [basemap.land, basemap.water, basemap.river]) {
      for (const marker of [overlay.caller, overlay.recording, overlay.buffering, overlay.jurisdiction, overlay.selection]) {
        expect(contrast(marker, ground), `${marker} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
      expect(contrast(overlay.labelText, overlay.labelHalo)).toBeGreaterThanOrEqual(7);
    }
    // Device states must differ from the caller and from each other.
    const distinct = new Set([overlay.caller, overlay.recording, overlay.buffering, overlay.offline]);
    expect(distinct.size).toBe(4);
    expect(overlay.staleOpacity).toBeGreaterThan(0.2);
    expect(overlay.staleOpacity).toBeLessThan(0.7);
  });

  it("defaults to dark for anything but an explicit light", () => {
    expect(parseThemeName("light")).toBe("light");
    expect(parseThemeName("dark")).toBe("dark");
    expect(parseThemeName(undefined)).toBe("dark");
    expect(parseThemeName("LIGHT ")).toBe("dark");
  });
});
