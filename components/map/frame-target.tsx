"use client";

import { LngLatBounds, type Map as MapLibreMap } from "maplibre-gl";
import { useEffect } from "react";
import { useMap } from "./map-context";

export interface FrameTarget {
  latitude: number;
  longitude: number;
  /** Metres that must fit on screen around the point (an uncertainty circle), if any. */
  radiusM: number | null;
}

const METRES_PER_DEGREE = 111_320;
/** Close enough to see the street, wide enough to see a 30 m circle and its neighbourhood. */
const MIN_SPAN_M = 150;
const MAX_ZOOM = 17;
/** The last request served, per map: a theme switch remounts this and must not replay it. */
const served = new WeakMap<MapLibreMap, number>();

/**
 * Puts the target in view when the user asks (a selection, a search result, "show on map"). `seq`
 * changes with every request; a request made before its target has data waits for it.
 */
export function FrameTarget({ seq, target }: { seq: number | null; target: FrameTarget | null }) {
  const map = useMap();

  useEffect(() => {
    if (seq === null || target === null || served.get(map) === seq) return;
    served.set(map, seq);
    const half = Math.max(target.radiusM ?? 0, MIN_SPAN_M) * 1.3;
    const dLat = half / METRES_PER_DEGREE;
    const dLng = half / (METRES_PER_DEGREE * Math.cos((target.latitude * Math.PI) / 180));
    const bounds = new LngLatBounds(
      [target.longitude - dLng, target.latitude - dLat],
      [target.longitude + dLng, target.latitude + dLat],
    );
    map.fitBounds(bounds, { padding: 40, maxZoom: MAX_ZOOM, duration: 600 });
  }, [map, seq, target]);

  return null;
}
