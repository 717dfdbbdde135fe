/**
 * The map's basemap style, from `MAP_STYLE_URL`: unset, the built-in offline basemap; a `.pmtiles`
 * URL or path, an agency's own archive; anything else, a MapLibre style URL used as is.
 */
import type { StyleSpecification } from "maplibre-gl";
import { buildBasemapStyle, trimOrigin } from "./basemap-style";
import { buildPmtilesStyle, isPmtilesUrl } from "./pmtiles-style";
import type { ThemeName } from "./theme";

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
