"use client";

import { useEffect, useId, useMemo } from "react";
import type { FocusPointProps } from "@/lib/map/features";
import { useMapTheme } from "./map-context";
import { focusLayers, geojsonSource } from "./layers";
import { useMapLayers } from "./use-map-layers";
import { usePointSource } from "./use-point-source";

/** The nearest officers (numbered) and the selected camera, ringed and labelled above everything else on the device layers. */
export function FocusLayer({ data }: { data: GeoJSON.FeatureCollection<GeoJSON.Point, FocusPointProps> }) {
  const theme = useMapTheme();
  const id = useId();
  const ids = useMemo(() => ({ source: `${id}-focus`, ring: `${id}-ring`, label: `${id}-label` }), [id]);
  const sources = useMemo(() => ({ [ids.source]: geojsonSource() }), [ids]);
  const layers = useMemo(() => focusLayers(ids, ids.source, theme), [ids, theme]);
  useMapLayers(sources, layers);
  const push = usePointSource<FocusPointProps>(ids.source);
  useEffect(() => void push(data, "incremental"), [data, push]);
  return null;
}
