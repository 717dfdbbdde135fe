/**
 * Map colour tokens for both themes: the basemap's own colours and the semantic colours the
 * overlay layers (callers, devices, jurisdiction) use. Layers take colours from here, never literals.
 *
 * Dark is the default: ECC floors are dark rooms, so the basemap stays low in luminance and low in
 * saturation, and everything the telecommunicator must see (callers, cameras) is brighter and more
 * saturated than anything underneath it. Device colours follow Axon's convention (recording red,
 * buffering green, off/docked grey); the caller is amber so it matches none of them and no water.
 */

export type ThemeName = "dark" | "light";

export const THEME_NAMES: readonly ThemeName[] = ["dark", "light"];

export interface BasemapColors {
  /** Sea and everything outside the land polygons. */
  background: string;
  land: string;
  /** Lakes (and the sea, via `background`). */
  water: string;
  /** River lines: a step brighter than `water`, since thin lines need more contrast than areas. */
  river: string;
  countryLine: string;
  stateLine: string;
  countyLine: string;
  /** City and town names. */
  placeText: string;
  /** Names of the largest cities, a step brighter. */
  placeTextMajor: string;
  stateText: string;
  countyText: string;
  /** Halo behind every basemap label (usually the land colour). */
  textHalo: string;
}

export interface OverlayColors {
  /** A caller's current location (marker fill). */
  caller: string;
  /** Outline around caller and device markers, so they read on any basemap. */
  markerCasing: string;
  /** The line through a caller's earlier locations. */
  callerTrail: string;
  /** The uncertainty circle: fill (use with `uncertaintyFillOpacity`) and outline. */
  uncertaintyFill: string;
  uncertaintyFillOpacity: number;
  uncertaintyOutline: string;
  /** Axon device states. */
  recording: string;
  buffering: string;
  offline: string;
  /** Opacity for anything whose data is stale (older than its freshness window). */
  staleOpacity: number;
  /** The Data Share jurisdiction bounding box: outline and (very faint) fill. */
  jurisdiction: string;
  jurisdictionFillOpacity: number;
  /** Ring or halo around the selected caller or device. */
  selection: string;
  /** Text the overlay draws on the map ("±38 m @ 90%", unit names) and its halo. */
  labelText: string;
  labelHalo: string;
}

export interface MapTheme {
  name: ThemeName;
  basemap: BasemapColors;
  overlay: OverlayColors;
}

/**
 * Fontstacks the app serves glyphs for (public/glyphs, made at build time). Any symbol layer,
 * basemap or overlay, must use one of these in `text-font`, or MapLibre cannot draw its text offline.
 */
export const MAP_FONTS = {
  regular: ["DejaVu Sans Book"],
  bold: ["DejaVu Sans Bold"],
} as const satisfies Record<string, readonly string[]>;

const DARK: MapTheme = {
  name: "dark",
  basemap: {
    background: "#14304a",
    land: "#1a2029",
    water: "#14304a",
    river: "#1f4b72",
    countryLine: "#808a97",
    stateLine: "#646e7b",
    countyLine: "#454e5a",
    placeText: "#a3adb9",
    placeTextMajor: "#d5dbe2",
    stateText: "#6f7b89",
    countyText: "#5a6572",
    textHalo: "#10151b",
  },
  overlay: {
    caller: "#fbbf24",
    markerCasing: "#0b0f14",
    callerTrail: "#f59e0b",
    uncertaintyFill: "#fbbf24",
    uncertaintyFillOpacity: 0.16,
    uncertaintyOutline: "#fcd34d",
    recording: "#fb7185",
    buffering: "#22c55e",
    offline: "#9ca3af",
    staleOpacity: 0.45,
    jurisdiction: "#a78bfa",
    jurisdictionFillOpacity: 0.04,
    selection: "#f8fafc",
    labelText: "#f1f5f9",
    labelHalo: "#0b0f14",
  },
};

const LIGHT: MapTheme = {
  name: "light",
  basemap: {
    background: "#b6d3e8",
    land: "#f1efe9",
    water: "#b6d3e8",
    river: "#abcde6",
    countryLine: "#6b6478",
    stateLine: "#8d8699",
    countyLine: "#c9c3cf",
    placeText: "#3d4550",
    placeTextMajor: "#1c2128",
    stateText: "#8a8f98",
    countyText: "#a09aa6",
    textHalo: "#f7f6f2",
  },
  overlay: {
    caller: "#c2410c",
    markerCasing: "#ffffff",
    callerTrail: "#ea580c",
    uncertaintyFill: "#ea580c",
    uncertaintyFillOpacity: 0.14,
    uncertaintyOutline: "#c2410c",
    recording: "#b91c1c",
    buffering: "#166534",
    offline: "#6b7280",
    staleOpacity: 0.45,
    jurisdiction: "#6d28d9",
    jurisdictionFillOpacity: 0.03,
    selection: "#0f172a",
    labelText: "#111827",
    labelHalo: "#ffffff",
  },
};

export const MAP_THEMES: Readonly<Record<ThemeName, MapTheme>> = { dark: DARK, light: LIGHT };

export function mapTheme(name: ThemeName): MapTheme {
  return MAP_THEMES[name];
}

/** The theme is remembered per browser in this cookie, so the server renders the right one next time. */
export const THEME_COOKIE = "dm-theme";

/** Anything that is not exactly "light" is dark: dark is the safe default for an ECC floor. */
export function parseThemeName(value: string | null | undefined): ThemeName {
  return value === "light" ? "light" : "dark";
}
