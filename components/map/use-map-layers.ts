"use client";

import type {
  AddLayerObject,
  GeoJSONSource,
  GeoJSONSourceSpecification,
  MapLayerMouseEvent,
} from "maplibre-gl";
import { useEffect, useRef } from "react";
import { sameData } from "@/lib/map/same-data";
import { useMap } from "./map-context";

/** A bitmap for symbol layers, drawn lazily (it needs a canvas) when the layers are added. */
export interface MapImage {
  image: () => { width: number; height: number; data: Uint8ClampedArray };
  pixelRatio: number;
}

/**
 * Add sources and layers once, remove them (layers first) on unmount. `sources` and `layers` must
 * be memoised by the caller: they are read once, so new data never rebuilds a layer.
 */
export function useMapLayers(
  sources: Record<string, GeoJSONSourceSpecification>,
  layers: AddLayerObject[],
  images: Record<string, MapImage> = {},
): void {
  const map = useMap();
  const spec = useRef({ sources, layers, images });
  useEffect(() => {
    const { sources: s, layers: l, images: img } = spec.current;
    for (const [id, { image, pixelRatio }] of Object.entries(img)) {
      if (!map.hasImage(id)) map.addImage(id, image(), { pixelRatio });
    }
    for (const [id, source] of Object.entries(s)) if (!map.getSource(id)) map.addSource(id, source);
    for (const layer of l) if (!map.getLayer(layer.id)) map.addLayer(layer);
    return () => {
      // After a style swap the old layers are already gone, and when the whole map is being
      // removed there is nothing left to clean: only remove what is still there.
      try {
        for (const layer of [...l].reverse()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
        for (const id of Object.keys(s)) if (map.getSource(id)) map.removeSource(id);
        for (const id of Object.keys(img)) if (map.hasImage(id)) map.removeImage(id);
      } catch {
        // map.remove() already tore the style down
      }
    };
  }, [map]);
}

/**
 * Push new data into a GeoJSON source; the source and its layers stay as they are. Data equal to
 * what the source already holds is not sent again (see `sameData`).
 */
export function useSourceData(sourceId: string, data: GeoJSON.GeoJSON): void {
  const map = useMap();
  const sent = useRef<{ source: GeoJSONSource; data: GeoJSON.GeoJSON } | null>(null);
  useEffect(() => {
    const source = map.getSource<GeoJSONSource>(sourceId);
    if (!source) return;
    // A new source object (a style swap re-adds it) has not seen anything yet.
    if (sent.current?.source === source && sameData(sent.current.data, data)) return;
    sent.current = { source, data };
    void source.setData(data);
  }, [map, sourceId, data]);
}

/**
 * Click and hover on some layers. The handler is read through a ref, so the listeners are
 * registered once and still see the latest props.
 */
export function useLayerClick(layerIds: readonly string[], onClick: (e: MapLayerMouseEvent) => void): void {
  const map = useMap();
  const handler = useRef(onClick);
  handler.current = onClick;
  const key = layerIds.join("|");
  useEffect(() => {
    const ids = key.split("|");
    const click = (e: MapLayerMouseEvent) => handler.current(e);
    const enter = () => (map.getCanvas().style.cursor = "pointer");
    const leave = () => (map.getCanvas().style.cursor = "");
    map.on("click", ids, click);
    map.on("mouseenter", ids, enter);
    map.on("mouseleave", ids, leave);
    return () => {
      map.off("click", ids, click);
      map.off("mouseenter", ids, enter);
      map.off("mouseleave", ids, leave);
    };
  }, [map, key]);
}
