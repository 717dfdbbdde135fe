/** Layer specs the review map adds to the console's: the Data Share jurisdiction box. Colours from the theme. */
import type { AddLayerObject } from "maplibre-gl";
import type { MapTheme } from "@/lib/map/theme";

export function jurisdictionLayers(ids: { fill: string; outline: string }, source: string, theme: MapTheme): AddLayerObject[] {
  const o = theme.overlay;
  return [
    { id: ids.fill, type: "fill", source, paint: { "fill-color": o.jurisdiction, "fill-opacity": o.jurisdictionFillOpacity } },
    {
      id: ids.outline,
      type: "line",
      source,
      paint: { "line-color": o.jurisdiction, "line-width": 2, "line-opacity": 0.9, "line-dasharray": [4, 2] },
    },
  ];
}
