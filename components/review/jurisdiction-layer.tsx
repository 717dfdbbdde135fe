"use client";

import type { FeatureCollection, Polygon } from "geojson";
import { useEffect, useId, useMemo } from "react";
import { geojsonSource } from "@/components/map/layers";
import { useMap, useMapTheme } from "@/components/map/map-context";
import { useMapLayers, useSourceData } from "@/components/map/use-map-layers";
import { jurisdictionLayers } from "./layers";

/**
 * The jurisdiction box RapidSOS sent with a Data Share: a faint fill and a dashed outline. The box is
 * mirrored on the map element (`data-jurisdiction`, "w,s,e,n") so tests need not read pixels.
 */
export function JurisdictionLayer({ data }: { data: FeatureCollection<Polygon> }) {
  const map = useMap();
  const theme = useMapTheme();
  const id = useId();
  const ids = useMemo(() => ({ source: `${id}-box`, fill: `${id}-box-fill`, outline: `${id}-box-outline` }), [id]);
  const sources = useMemo(() => ({ [ids.source]: geojsonSource() }), [ids]);
  const layers = useMemo(() => jurisdictionLayers(ids, ids.source, theme), [ids, theme]);
  useMapLayers(sources, layers);
  useSourceData(ids.source, data);

  useEffect(() => {
    const el = map.getContainer();
    const [sw, , ne] = data.features[0]?.geometry.coordinates[0] ?? [];
    if (sw && ne) el.dataset.jurisdiction = [sw[0], sw[1], ne[0], ne[1]].join(",");
    else delete el.dataset.jurisdiction;
    return () => {
      delete el.dataset.jurisdiction;
    };
  }, [map, data]);
  return null;
}
