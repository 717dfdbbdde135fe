/**
 * Layer specs for central-station alerts: a square-ish badge in the emergency type's colour with its
 * letter, hollow when the position is only RapidSOS's geocode of an address, and a label.
 */
import type { AddLayerObject, ExpressionSpecification } from "maplibre-gl";
import { MAP_FONTS, type MapTheme } from "@/lib/map/theme";

export function alertLayers(ids: { halo: string; badge: string; letter: string; label: string }, source: string, theme: MapTheme): AddLayerObject[] {
  const o = theme.overlay;
  const address: ExpressionSpecification = ["==", ["get", "basis"], "address"];
  return [
    {
      id: ids.halo,
      type: "circle",
      source,
      filter: ["any", ["==", ["get", "selected"], true], ["==", ["get", "waiting"], true]],
      paint: {
        "circle-radius": ["case", ["==", ["get", "selected"], true], 20, 17],
        "circle-color": "rgba(0,0,0,0)",
        "circle-stroke-color": ["case", ["==", ["get", "selected"], true], o.selection, ["get", "colour"]],
        "circle-stroke-width": 2.5,
        "circle-stroke-opacity": ["case", ["==", ["get", "selected"], true], 1, 0.6],
      },
    },
    {
      id: ids.badge,
      type: "circle",
      source,
      paint: {
        "circle-radius": 12,
        "circle-color": ["case", address, o.markerCasing, ["get", "colour"]],
        "circle-stroke-color": ["get", "colour"],
        "circle-stroke-width": ["case", address, 3, 2],
      },
    },
    {
      id: ids.letter,
      type: "symbol",
      source,
      layout: {
        "text-field": ["get", "letter"],
        "text-font": [...MAP_FONTS.bold],
        "text-size": 13,
        "text-allow-overlap": true,
        "text-ignore-placement": true,
      },
      paint: { "text-color": ["case", address, ["get", "colour"], "#ffffff"] },
    },
    {
      id: ids.label,
      type: "symbol",
      source,
      layout: {
        "text-field": ["concat", "Alert: ", ["get", "label"]],
        "text-font": [...MAP_FONTS.bold],
        "text-size": 12,
        "text-anchor": "top",
        "text-offset": [0, 1.4],
        "text-optional": true,
      },
      paint: { "text-color": o.labelText, "text-halo-color": o.labelHalo, "text-halo-width": 1.6 },
    },
  ];
}
