"use client";

import type { FeatureCollection, Polygon } from "geojson";
import { useEffect, useId, useMemo } from "react";
import type { JurisdictionProps } from "@/lib/map/features";
import { useMap, useMapTheme } from "./map-context";
import { geojsonSource, jurisdictionLayers } from "./layers";
import { useMapLayers, useSourceData } from "./use-map-layers";

/**
 * The jurisdiction box of the center that shared the selected call. What it draws is mirrored on
 * the map element (`data-jurisdiction`, "w,s,e,n"), as the camera is, so tests and assistive
 * tools can check it without reading pixels.
 */
export function JurisdictionLayer({ data }: { data: FeatureCollection<Polygon, JurisdictionProps> }) {
  const map = useMap();
  const theme = useMapTheme();
  const id = useId();
  const ids = useMemo(() => ({ source: `${id}-box`, fill: `${id}-fill`, outline: `${id}-outline` }), [id]);
  const sources = useMemo(() => ({ [ids.source]: geojsonSource() }), [ids]);
  const layers = useMemo(() => jurisdictionLayers(ids, ids.source, theme), [ids, theme]);
  useMapLayers(sources, layers);
  useSourceData(ids.source, data);

  useEffect(() => {
    const el = map.getContainer();
    const ring = data.features[0]?.geometry.coordinates[0];
    const [sw, , ne] = ring ?? [];
    if (sw && ne) el.dataset.jurisdiction = [sw[0], sw[1], ne[0], ne[1]].join(",");
    else delete el.dataset.jurisdiction;
    return () => {
      delete el.dataset.jurisdiction;
    };
  }, [map, data]);

  return null;
}
