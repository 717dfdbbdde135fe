"use client";

import { useId, useMemo } from "react";
import type { TrailFeatures } from "@/lib/map/features";
import { useMapTheme } from "./map-context";
import { geojsonSource, trailLayers } from "./layers";
import { useMapLayers, useSourceData } from "./use-map-layers";

/** The selected caller's earlier locations: a line through all of them and a fading dot for each. */
export function TrailLayer({ data }: { data: TrailFeatures }) {
  const theme = useMapTheme();
  const id = useId();
  const ids = useMemo(() => ({ line: `${id}-line`, dots: `${id}-dots` }), [id]);
  const sources = useMemo(() => ({ [ids.line]: geojsonSource(), [ids.dots]: geojsonSource() }), [ids]);
  const layers = useMemo(() => trailLayers(ids, ids, theme), [ids, theme]);
  useMapLayers(sources, layers);
  useSourceData(ids.line, data.line);
  useSourceData(ids.dots, data.dots);
  return null;
}
