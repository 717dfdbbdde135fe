"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect } from "react";
import { boundsOf } from "./bounds";
import { useMap } from "./map-context";

export interface FramePoint {
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

function around(p: FramePoint): [[number, number], [number, number]] {
  const half = Math.max(p.radiusM ?? 0, MIN_SPAN_M) * 1.3;
  const dLat = half / METRES_PER_DEGREE;
  const dLng = half / (METRES_PER_DEGREE * Math.cos((p.latitude * Math.PI) / 180));
  return [
    [p.longitude - dLng, p.latitude - dLat],
    [p.longitude + dLng, p.latitude + dLat],
  ];
}

/**
 * Puts the target in view when the user asks (a selection, a search result, "show on map"); an
 * officer is framed together with the selected caller, so the two can be judged at a glance.
 * `seq` changes with every request; a request made before its target has data waits for it.
 */
export function FrameTarget({ seq, points }: { seq: number | null; points: readonly FramePoint[] | null }) {
  const map = useMap();

  useEffect(() => {
    if (seq === null || !points || points.length === 0 || served.get(map) === seq) return;
    const bounds = boundsOf(points.flatMap(around));
    if (!bounds) return;
    served.set(map, seq);
    map.fitBounds(bounds, { padding: 48, maxZoom: MAX_ZOOM, duration: 600 });
  }, [map, seq, points]);

  return null;
}
