"use client";

import type { GeoJSONSource } from "maplibre-gl";
import type { FeatureCollection, Point } from "geojson";
import { useCallback, useEffect, useRef } from "react";
import { diffPoints, movedOnScreen, type SentPoints, type SourceUpdate } from "@/lib/map/feature-diff";
import { useMap } from "./map-context";

type Props = Record<string, string | number | boolean>;

/**
 * How a point source gets new data. "incremental" sends `updateData` diffs; "full" replaces the
 * whole source every time, as the console did before — kept only as the benchmark's baseline
 * (`npm run bench:map` sets `window.__dmMapUpdates = "full"` for its second phase).
 */
export type UpdateStrategy = "incremental" | "full";

declare global {
  interface Window {
    __dmMapUpdates?: UpdateStrategy;
  }
}

export const currentStrategy = (): UpdateStrategy =>
  typeof window !== "undefined" && window.__dmMapUpdates === "full" ? "full" : "incremental";

/**
 * A function that pushes a new feature list into a point source by id: only what changed goes
 * to MapLibre. What was sent lives in a ref (the source lives as long as the component). A move
 * too small to see at this zoom, or wholly off screen, is held back until the camera moves
 * (`moveend` sends whatever has become visible), so the map is never more than half a pixel off.
 */
export function usePointSource<P extends Props>(sourceId: string): (next: FeatureCollection<Point, P>, strategy: UpdateStrategy) => SourceUpdate<P>["kind"] {
  const map = useMap();
  const sent = useRef<SentPoints<P>>(new Map());
  const last = useRef<FeatureCollection<Point, P> | null>(null);
  const push = useCallback(
    (next: FeatureCollection<Point, P>, strategy: UpdateStrategy): SourceUpdate<P>["kind"] => {
      const source = map.getSource<GeoJSONSource>(sourceId);
      if (!source) return "none";
      last.current = next;
      if (strategy === "full") {
        // The old path, untouched by diffing; what MapLibre holds is then newer than `sent`, which
        // stays correct: a later diff against older data re-sends more, never less.
        void source.setData(next);
        return "replace";
      }
      const b = map.getBounds();
      const moved = movedOnScreen({ zoom: map.getZoom(), bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] });
      const result = diffPoints(sent.current, next, { moved });
      sent.current = result.sent;
      const { update } = result;
      if (update.kind === "replace") void source.setData(update.data);
      else if (update.kind === "diff") void source.updateData(update.diff);
      return update.kind;
    },
    [map, sourceId],
  );
  useEffect(() => {
    const flush = () => {
      if (last.current) push(last.current, "incremental");
    };
    map.on("moveend", flush);
    return () => {
      map.off("moveend", flush);
    };
  }, [map, push]);
  return push;
}
