"use client";

import type { GeoJSONSource } from "maplibre-gl";
import type { FeatureCollection, Point } from "geojson";
import { useCallback, useRef } from "react";
import { diffPoints, type SentPoints, type SourceUpdate } from "@/lib/map/feature-diff";
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
 * to MapLibre. What was sent lives in a ref (the source lives as long as the component).
 */
export function usePointSource<P extends Props>(sourceId: string): (next: FeatureCollection<Point, P>, strategy: UpdateStrategy) => SourceUpdate<P>["kind"] {
  const map = useMap();
  const sent = useRef<SentPoints<P>>(new Map());
  return useCallback(
    (next, strategy) => {
      const source = map.getSource<GeoJSONSource>(sourceId);
      if (!source) return "none";
      if (strategy === "full") {
        // The old path, untouched by diffing; what MapLibre holds is then newer than `sent`, which
        // stays correct: a later diff against older data re-sends more, never less.
        void source.setData(next);
        return "replace";
      }
      const result = diffPoints(sent.current, next);
      sent.current = result.sent;
      const { update } = result;
      if (update.kind === "replace") void source.setData(update.data);
      else if (update.kind === "diff") void source.updateData(update.diff);
      return update.kind;
    },
    [map, sourceId],
  );
}
