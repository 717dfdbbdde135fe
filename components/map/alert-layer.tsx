"use client";

import { useId, useMemo } from "react";
import type { AlertFeatures } from "@/lib/map/alert-features";
import { alertLayers } from "./alert-layers";
import { geojsonSource } from "./layers";
import { useMapTheme } from "./map-context";
import { useLayerClick, useMapLayers, useSourceData } from "./use-map-layers";

/** Central-station alerts, one symbol per emergency type; a click selects the alert. */
export function AlertLayer({ data, onSelect }: { data: AlertFeatures["points"]; onSelect: (id: string) => void }) {
  const theme = useMapTheme();
  const id = useId();
  const ids = useMemo(() => ({ source: `${id}-alerts`, halo: `${id}-halo`, badge: `${id}-badge`, letter: `${id}-letter`, label: `${id}-label` }), [id]);
  const sources = useMemo(() => ({ [ids.source]: geojsonSource() }), [ids]);
  const layers = useMemo(() => alertLayers(ids, ids.source, theme), [ids, theme]);
  useMapLayers(sources, layers);
  useSourceData(ids.source, data);
  useLayerClick([ids.badge, ids.letter], (e) => {
    const picked = e.features?.[0]?.properties?.id;
    if (typeof picked === "string") onSelect(picked);
  });
  return null;
}
