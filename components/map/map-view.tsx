"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import {
  addProtocol,
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from "maplibre-gl";
import { Protocol } from "pmtiles";
import { Fragment, useEffect, useRef, useState, type ReactNode } from "react";
import type { ResolvedMapStyle } from "@/lib/map/style";
import type { MapTheme } from "@/lib/map/theme";
import { MapContext, MapThemeContext } from "./map-context";

let globalsReady = false;

/** Once per page: Turbopack cannot find MapLibre's worker by itself, and the basemap (built-in or an agency's) is a PMTiles archive. */
function prepareMapLibre() {
  if (globalsReady) return;
  globalsReady = true;
  setWorkerUrl(new URL("maplibre-gl/dist/maplibre-gl-worker.mjs", import.meta.url).href);
  addProtocol("pmtiles", new Protocol().tile);
}

export interface MapViewProps {
  mapStyle: ResolvedMapStyle;
  theme: MapTheme;
  initialView: { center: [number, number]; zoom: number };
  label: string;
  /** Layers in draw order, then behaviours; mounted only while a style is loaded. */
  children: ReactNode;
}

/** Where the camera is, as data attributes, so tests can check framing without reading pixels. */
function publishView(map: MapLibreMap, el: HTMLElement) {
  const b = map.getBounds();
  const c = map.getCenter();
  el.dataset.bounds = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(6)).join(",");
  el.dataset.center = `${c.lng.toFixed(6)},${c.lat.toFixed(6)}`;
  el.dataset.zoom = map.getZoom().toFixed(2);
}

export function MapView({ mapStyle, theme, initialView, label, children }: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // Bumped on every style load: children remount and re-add their layers to the new style.
  const [generation, setGeneration] = useState(0);
  const [ready, setReady] = useState(false);
  const firstStyle = useRef(mapStyle);
  const firstView = useRef(initialView);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    prepareMapLibre();
    // Reduced motion (an OS setting): labels appear without fading, and MapLibre itself jumps the
    // camera instead of flying it. Telecommunicators who asked for it are spared the movement, and a
    // software-rendered map (VDI, headless) draws one frame instead of dozens per change.
    const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    const m = new MapLibreMap({
      container,
      style: firstStyle.current,
      center: firstView.current.center,
      zoom: firstView.current.zoom,
      fadeDuration: reducedMotion ? 0 : 300,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    m.touchZoomRotate.disableRotation();
    m.addControl(new NavigationControl({ showCompass: false }), "top-right");
    m.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
    m.addControl(new AttributionControl({ compact: true }), "bottom-right");
    const onStyleLoad = () => {
      setGeneration((g) => g + 1);
      setReady(true);
      container.dataset.mapReady = "true";
    };
    const onContextLost = () => {
      setReady(false);
      container.dataset.mapReady = "false";
    };
    const onMoveEnd = () => publishView(m, container);
    const setIdle = (idle: boolean) => () => (container.dataset.mapIdle = String(idle));
    m.on("idle", setIdle(true));
    m.on("movestart", setIdle(false));
    m.on("dataloading", setIdle(false));
    m.on("style.load", onStyleLoad);
    m.on("webglcontextlost", onContextLost);
    m.on("moveend", onMoveEnd);
    m.once("load", onMoveEnd);
    setMap(m);
    return () => {
      setMap(null);
      setReady(false);
      m.remove();
    };
  }, []);

  useEffect(() => {
    if (!map || mapStyle === firstStyle.current) return;
    firstStyle.current = mapStyle;
    setReady(false);
    if (containerRef.current) containerRef.current.dataset.mapReady = "false";
    map.setStyle(mapStyle, { diff: false });
  }, [map, mapStyle]);

  return (
    // maplibre-gl.css makes the map `position: relative`; the wrapper owns the size, or the map would be 0 px tall under Tailwind's positioning.
    <div className="absolute inset-0">
      <div
        ref={containerRef}
        className="h-full w-full"
        role="region"
        aria-label={label}
        data-map-ready="false"
        data-map-idle="false"
        data-theme-name={theme.name}
      />
      <MapContext.Provider value={map}>
        <MapThemeContext.Provider value={theme}>
          {map && ready ? <Fragment key={generation}>{children}</Fragment> : null}
        </MapThemeContext.Provider>
      </MapContext.Provider>
    </div>
  );
}
