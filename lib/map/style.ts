/**
 * The map's basemap style, from `MAP_STYLE_URL`: unset, the built-in offline basemap; a `.pmtiles`
 * URL or path, an agency's own archive; anything else, a MapLibre style URL used as is.
 */
import type { StyleSpecification } from "maplibre-gl";
import { buildBasemapStyle, trimOrigin } from "./basemap-style";
import { isPmtilesUrl } from "./pmtiles-url";
import type { ThemeName } from "./theme";

export { isPmtilesUrl };

/** Builds a style for a PMTiles archive (pmtiles-style.ts, loaded on demand). */
type PmtilesStyleBuilder = (url: string, theme: ThemeName, origin: string) => StyleSpecification;

export interface ResolveMapStyleInput {
  /** `getConfig().mapStyleUrl`: an http(s) URL, a path served by the app, or null. */
  mapStyleUrl: string | null | undefined;
  theme: ThemeName;
  /** The page's origin, e.g. `window.location.origin`. */
  origin: string;
}

/** What to hand `new maplibregl.Map({ style })` / `map.setStyle()`: a style URL or a style object. */
export type ResolvedMapStyle = string | StyleSpecification;

/**
 * `pmtiles`: the PMTiles style builder, which brings Protomaps' layer definitions with it; only a
 * center that set a PMTiles basemap needs it, so the browser loads it on demand (loadMapStyle).
 */
export function resolveMapStyle(
  { mapStyleUrl, theme, origin }: ResolveMapStyleInput,
  pmtiles: PmtilesStyleBuilder | null = null,
): ResolvedMapStyle {
  const url = mapStyleUrl?.trim();
  if (!url) return buildBasemapStyle(theme, origin);
  if (isPmtilesUrl(url)) {
    if (!pmtiles) throw new Error("a PMTiles basemap needs the PMTiles style builder (use loadMapStyle)");
    return pmtiles(url, theme, origin);
  }
  // A path served by the app is made absolute; a full URL is passed through untouched.
  return url.startsWith("/") ? `${trimOrigin(origin)}${url}` : url;
}

/** resolveMapStyle, loading the PMTiles builder only when the basemap is a PMTiles archive. */
export async function loadMapStyle(input: ResolveMapStyleInput): Promise<ResolvedMapStyle> {
  const url = input.mapStyleUrl?.trim();
  const pmtiles = url && isPmtilesUrl(url) ? (await import("./pmtiles-style")).buildPmtilesStyle : null;
  return resolveMapStyle(input, pmtiles);
}
