"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect } from "react";
import { boundsOf } from "./bounds";
import { useMap } from "./map-context";

/**
 * On first data, frame everything there is (callers and devices) once, so the console opens on
 * the service area instead of a continent. Later updates never move the camera by themselves.
 */
// Per map, not per mount: a theme switch remounts every child and must not refit.
const fitted = new WeakSet<MapLibreMap>();

export function FitOnce({ points }: { points: readonly [number, number][] }) {
  const map = useMap();

  useEffect(() => {
    if (fitted.has(map)) return;
    const bounds = boundsOf(points);
    if (!bounds) return;
    fitted.add(map);
    map.fitBounds(bounds, { padding: 60, maxZoom: 15, duration: 0 });
  }, [map, points]);

  return null;
}
