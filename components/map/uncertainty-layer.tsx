"use client";

import { useId, useMemo } from "react";
import type { CircleFeatures } from "@/lib/map/features";
import { useMapTheme } from "./map-context";
import { circleLayers, geojsonSource } from "./layers";
import { useMapLayers, useSourceData } from "./use-map-layers";

/** Ground-true circles (caller uncertainty or a device's accuracy) with their "±N m …" labels. */
export function UncertaintyLayer({ data }: { data: CircleFeatures }) {
  const theme = useMapTheme();
  const id = useId();
  const ids = useMemo(
    () => ({
      circles: `${id}-circles`,
      labels: `${id}-labels`,
      fill: `${id}-fill`,
      outline: `${id}-outline`,
      label: `${id}-label`,
    }),
    [id],
  );
  const sources = useMemo(() => ({ [ids.circles]: geojsonSource(), [ids.labels]: geojsonSource() }), [ids]);
  const layers = useMemo(() => circleLayers(ids, ids, theme), [ids, theme]);
  useMapLayers(sources, layers);
  useSourceData(ids.circles, data.circles);
  useSourceData(ids.labels, data.labels);
  return null;
}
