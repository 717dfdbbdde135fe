"use client";

import { useEffect, useMemo, useState } from "react";
import { isPmtilesUrl, loadMapStyle, resolveMapStyle, type ResolvedMapStyle } from "@/lib/map/style";
import type { ThemeName } from "@/lib/map/theme";

/**
 * The basemap style for this page. The built-in basemap and style URLs resolve at once; a PMTiles
 * basemap loads its style builder (Protomaps' layers) on demand, so consoles without one never
 * download it. Null until resolved (and on the server, where there is no origin).
 */
export function useMapStyle(mapStyleUrl: string | null, theme: ThemeName, origin: string | null): ResolvedMapStyle | null {
  const lazy = Boolean(mapStyleUrl && isPmtilesUrl(mapStyleUrl.trim()));
  const immediate = useMemo(
    () => (origin && !lazy ? resolveMapStyle({ mapStyleUrl, theme, origin }) : null),
    [mapStyleUrl, theme, origin, lazy],
  );
  const [loaded, setLoaded] = useState<{ key: string; style: ResolvedMapStyle } | null>(null);
  const key = `${mapStyleUrl}|${theme}|${origin}`;
  useEffect(() => {
    if (!origin || !lazy) return;
    let live = true;
    void loadMapStyle({ mapStyleUrl, theme, origin }).then((style) => live && setLoaded({ key, style }));
    return () => {
      live = false;
    };
  }, [mapStyleUrl, theme, origin, lazy, key]);
  return immediate ?? (loaded?.key === key ? loaded.style : null);
}
