"use client";

import type { GeoJSONSource } from "maplibre-gl";
import { useEffect, useId, useMemo } from "react";
import { splitForClustering, type DevicePointProps } from "@/lib/map/features";
import { useMap, useMapTheme } from "./map-context";
import { deviceLayers, geojsonSource, type DeviceLayerIds } from "./layers";
import { useLayerClick, useMapLayers } from "./use-map-layers";
import { currentStrategy, usePointSource } from "./use-point-source";

/** Runs `fn` after MapLibre's own microtask chain (updateData → queue → actor.postMessage, two awaits). */
function settled(fn: () => void, depth = 6): void {
  queueMicrotask(() => (depth <= 1 ? fn() : settled(fn, depth - 1)));
}

/** Past this zoom every device is drawn on its own. */
const CLUSTER_MAX_ZOOM = 13;

/**
 * Body cameras coloured by status. One feature list feeds two sources: recording devices go to an
 * unclustered source drawn on top, so clustering can never hide someone who is filming. Each new
 * list is compared with the last by device id and only the changes reach MapLibre (`updateData`),
 * so thousands of cameras reporting every second cost a diff, not a reload. Each batch is timed as
 * a `dm:devices` performance measure, which `npm run bench:map` reads.
 */
export function DeviceLayer({
  data,
  onSelect,
}: {
  data: GeoJSON.FeatureCollection<GeoJSON.Point, DevicePointProps>;
  onSelect: (id: string) => void;
}) {
  const map = useMap();
  const theme = useMapTheme();
  const id = useId();
  const ids = useMemo(
    () => ({
      clusterable: `${id}-clusterable`,
      pinned: `${id}-pinned`,
      layers: {
        cluster: `${id}-cluster`,
        clusterCount: `${id}-cluster-count`,
        clustered: `${id}-clustered`,
        clusteredLabel: `${id}-clustered-label`,
        pinned: `${id}-pinned-dot`,
        pinnedLabel: `${id}-pinned-label`,
      } satisfies DeviceLayerIds,
    }),
    [id],
  );
  const sources = useMemo(
    () => ({
      [ids.clusterable]: geojsonSource({ cluster: true, clusterRadius: 40, clusterMaxZoom: CLUSTER_MAX_ZOOM }),
      [ids.pinned]: geojsonSource(),
    }),
    [ids],
  );
  const layers = useMemo(() => deviceLayers(ids.layers, ids, theme), [ids, theme]);
  useMapLayers(sources, layers);

  const pushClusterable = usePointSource<DevicePointProps>(ids.clusterable);
  const pushPinned = usePointSource<DevicePointProps>(ids.pinned);
  useEffect(() => {
    const start = performance.now();
    const strategy = currentStrategy();
    const split = splitForClustering(data);
    const kinds = [pushClusterable(split.clusterable, strategy), pushPinned(split.pinned, strategy)];
    const detail = { strategy, kinds, count: data.features.length, syncMs: performance.now() - start };
    // MapLibre serialises and posts the update to its worker a few microtasks later, still on this
    // task: the measure ends after that, so it holds the whole main-thread cost of handing it over.
    settled(() => performance.measure("dm:devices", { start, detail }));
  }, [data, pushClusterable, pushPinned]);

  useLayerClick([ids.layers.pinned, ids.layers.clustered], (e) => {
    const picked = e.features?.[0]?.properties?.id;
    if (typeof picked === "string") onSelect(picked);
  });
  useLayerClick([ids.layers.cluster], (e) => {
    const feature = e.features?.[0];
    const clusterId = feature?.properties?.cluster_id;
    if (typeof clusterId !== "number" || feature?.geometry.type !== "Point") return;
    const [lng, lat] = feature.geometry.coordinates as [number, number];
    void map
      .getSource<GeoJSONSource>(ids.clusterable)
      ?.getClusterExpansionZoom(clusterId)
      .then((zoom) => map.easeTo({ center: [lng, lat], zoom }));
  });
  return null;
}
