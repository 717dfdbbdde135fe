"use client";

import { useEffect, useId, useMemo } from "react";
import type { CallerFeatures, CallerPointProps } from "@/lib/map/features";
import { drawCallerIcon } from "./caller-icon";
import { useMapTheme } from "./map-context";
import { callerLayers, geojsonSource } from "./layers";
import { useLayerClick, useMapLayers, type MapImage } from "./use-map-layers";
import { currentStrategy, usePointSource } from "./use-point-source";

const PIXEL_RATIO = 2;

/** Every caller's latest location as a labelled RapidSOS diamond; a click selects the caller. Updates go by call id, as diffs. */
export function CallerLayer({
  data,
  onSelect,
}: {
  data: CallerFeatures["points"];
  onSelect: (id: string) => void;
}) {
  const theme = useMapTheme();
  const id = useId();
  const ids = useMemo(
    () => ({ source: `${id}-callers`, halo: `${id}-halo`, icon: `${id}-icon`, image: `${id}-diamond` }),
    [id],
  );
  const sources = useMemo(() => ({ [ids.source]: geojsonSource() }), [ids]);
  const layers = useMemo(() => callerLayers(ids, ids.source, ids.image, theme), [ids, theme]);
  const images = useMemo<Record<string, MapImage>>(
    () => ({ [ids.image]: { image: () => drawCallerIcon(theme, PIXEL_RATIO), pixelRatio: PIXEL_RATIO } }),
    [ids, theme],
  );
  useMapLayers(sources, layers, images);
  const push = usePointSource<CallerPointProps>(ids.source);
  useEffect(() => void push(data, currentStrategy()), [data, push]);
  useLayerClick([ids.icon], (e) => {
    const picked = e.features?.[0]?.properties?.id;
    if (typeof picked === "string") onSelect(picked);
  });
  return null;
}
