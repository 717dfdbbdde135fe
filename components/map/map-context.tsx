"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import { createContext, useContext } from "react";
import type { MapTheme } from "@/lib/map/theme";

export const MapContext = createContext<MapLibreMap | null>(null);
export const MapThemeContext = createContext<MapTheme | null>(null);

/** The map, for layer and behaviour components; they only render once its style has loaded. */
export function useMap(): MapLibreMap {
  const map = useContext(MapContext);
  if (!map) throw new Error("useMap outside <MapView>");
  return map;
}

export function useMapTheme(): MapTheme {
  const theme = useContext(MapThemeContext);
  if (!theme) throw new Error("useMapTheme outside <MapView>");
  return theme;
}
