/**
 * Layer specs for the console's overlays, in one typed place. Every colour comes from the theme
 * tokens; every id comes from the owning component (useId), so two maps never collide.
 */
import type {
  AddLayerObject,
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
} from "maplibre-gl";
import { MAP_FONTS, type MapTheme } from "@/lib/map/theme";

export const EMPTY: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };

export const geojsonSource = (extra: Partial<GeoJSONSourceSpecification> = {}): GeoJSONSourceSpecification => ({
  type: "geojson",
  data: EMPTY,
  ...extra,
});

const isTrue = (prop: string): ExpressionSpecification => ["==", ["get", prop], true];

/** Full opacity while fresh; the theme's stale opacity once overdue, docked or ended. */
function freshnessOpacity(theme: MapTheme, live = 1): DataDrivenPropertyValueSpecification<number> {
  return ["match", ["get", "freshness"], "live", live, theme.overlay.staleOpacity * live];
}

const statusColor = (theme: MapTheme): ExpressionSpecification => [
  "match",
  ["get", "status"],
  "recording",
  theme.overlay.recording,
  "buffering",
  theme.overlay.buffering,
  theme.overlay.offline,
];

const labelPaint = (theme: MapTheme) => ({
  "text-color": theme.overlay.labelText,
  "text-halo-color": theme.overlay.labelHalo,
  "text-halo-width": 1.6,
});

/**
 * The sharing center's jurisdiction: a faint wash and a dashed outline, under everything else, so
 * it frames the callers without competing with them.
 */
export function jurisdictionLayers(ids: { fill: string; outline: string }, source: string, theme: MapTheme): AddLayerObject[] {
  const o = theme.overlay;
  return [
    {
      id: ids.fill,
      type: "fill",
      source,
      paint: { "fill-color": o.jurisdiction, "fill-opacity": o.jurisdictionFillOpacity },
    },
    {
      id: ids.outline,
      type: "line",
      source,
      layout: { "line-join": "miter" },
      paint: { "line-color": o.jurisdiction, "line-width": 2, "line-opacity": 0.9, "line-dasharray": [4, 2] },
    },
  ];
}

/** Uncertainty or accuracy: a ground-true polygon, dashed when not at the display confidence. */
export function circleLayers(
  ids: { fill: string; outline: string; label: string },
  sources: { circles: string; labels: string },
  theme: MapTheme,
): AddLayerObject[] {
  const o = theme.overlay;
  return [
    {
      id: ids.fill,
      type: "fill",
      source: sources.circles,
      paint: {
        "fill-color": o.uncertaintyFill,
        "fill-opacity": ["*", o.uncertaintyFillOpacity, freshnessOpacity(theme)] as ExpressionSpecification,
      },
    },
    {
      id: ids.outline,
      type: "line",
      source: sources.circles,
      paint: {
        "line-color": o.uncertaintyOutline,
        "line-width": ["case", isTrue("selected"), 2.5, 1.5],
        "line-opacity": freshnessOpacity(theme),
        "line-dasharray": ["match", ["get", "kind"], "converted", ["literal", [1, 0]], ["literal", [3, 2]]],
      },
    },
    {
      id: ids.label,
      type: "symbol",
      source: sources.labels,
      layout: {
        "text-field": ["get", "label"],
        "text-font": [...MAP_FONTS.bold],
        "text-size": 12,
        "text-anchor": "bottom",
        "text-offset": [0, -0.3],
        // Crowded callers would stack their "±N m" labels into an unreadable pile: labels give way to
        // each other and to the callers' own labels, the selected caller's placed first.
        "symbol-sort-key": ["case", isTrue("selected"), 0, 1],
      },
      paint: { ...labelPaint(theme), "text-opacity": freshnessOpacity(theme) },
    },
  ];
}

export function trailLayers(ids: { line: string; dots: string }, sources: { line: string; dots: string }, theme: MapTheme): AddLayerObject[] {
  return [
    {
      id: ids.line,
      type: "line",
      source: sources.line,
      layout: { "line-join": "round", "line-cap": "round" },
      paint: { "line-color": theme.overlay.callerTrail, "line-width": 2.5, "line-opacity": 0.85 },
    },
    {
      id: ids.dots,
      type: "circle",
      source: sources.dots,
      paint: {
        "circle-radius": 3.5,
        "circle-color": theme.overlay.callerTrail,
        "circle-stroke-color": theme.overlay.markerCasing,
        "circle-stroke-width": 1,
        // Older fixes fade so the direction of travel reads at a glance.
        "circle-opacity": ["interpolate", ["linear"], ["get", "recency"], 0, 0.35, 1, 0.95],
        "circle-stroke-opacity": ["interpolate", ["linear"], ["get", "recency"], 0, 0.35, 1, 0.95],
      },
    },
  ];
}

/** The caller: a selection halo, the RapidSOS diamond, and a label that names the source. */
export function callerLayers(ids: { halo: string; icon: string }, source: string, iconId: string, theme: MapTheme): AddLayerObject[] {
  const o = theme.overlay;
  return [
    {
      id: ids.halo,
      type: "circle",
      source,
      filter: isTrue("selected"),
      paint: {
        "circle-radius": 19,
        "circle-color": "rgba(0,0,0,0)",
        "circle-stroke-color": o.selection,
        "circle-stroke-width": 2.5,
      },
    },
    {
      id: ids.icon,
      type: "symbol",
      source,
      layout: {
        "icon-image": iconId,
        "icon-allow-overlap": true,
        "icon-ignore-placement": true,
        "text-field": [
          "format",
          // Until LEI answers, the point is the incident location sent with the share: say so.
          ["case", ["==", ["get", "origin"], "share"], "Shared location", "RapidSOS"],
          { "font-scale": 0.8 },
          "\n",
          {},
          ["get", "phone"],
          {},
          // Overdue or ended: the age goes under the number, so the map itself says "old".
          ["case", ["==", ["get", "freshness"], "live"], "", ["concat", "\n", ["get", "age"], " old"]],
          { "font-scale": 0.8 },
        ],
        "text-font": [...MAP_FONTS.bold],
        "text-size": 13,
        "text-anchor": "top",
        "text-offset": [0, 1.3],
        "text-optional": true,
        "symbol-sort-key": ["case", isTrue("selected"), 0, 1],
      },
      paint: {
        ...labelPaint(theme),
        "icon-opacity": freshnessOpacity(theme),
        // The marker fades when stale; its words (including how old it is) must stay readable.
        "text-opacity": ["match", ["get", "freshness"], "live", 1, 0.85],
      },
    },
  ];
}

const deviceCircle = (theme: MapTheme, radius: number): Extract<AddLayerObject, { type: "circle" }>["paint"] => ({
  "circle-radius": ["case", isTrue("selected"), radius + 3, radius],
  "circle-color": statusColor(theme),
  "circle-opacity": freshnessOpacity(theme),
  "circle-stroke-color": ["case", isTrue("selected"), theme.overlay.selection, theme.overlay.markerCasing],
  "circle-stroke-width": ["case", isTrue("selected"), 3, 1.5],
  "circle-stroke-opacity": freshnessOpacity(theme),
});

const deviceLabel = (theme: MapTheme, source: string, id: string): AddLayerObject => ({
  id,
  type: "symbol",
  source,
  filter: ["!", ["has", "point_count"]],
  minzoom: 13,
  layout: {
    // A stale device says how old its position is, right on the map.
    "text-field": [
      "case",
      ["==", ["get", "freshness"], "stale"],
      ["concat", ["get", "label"], " · ", ["get", "age"]],
      ["get", "label"],
    ],
    "text-font": [...MAP_FONTS.regular],
    "text-size": 11,
    "text-anchor": "left",
    "text-offset": [0.9, 0],
    "text-optional": true,
    // Downtown at 5,000 cameras: labels collide and give way, the selected camera's first, then
    // recording ones, then the rest.
    "symbol-sort-key": ["case", isTrue("selected"), 0, ["==", ["get", "status"], "recording"], 1, 2],
  },
  paint: { ...labelPaint(theme), "text-opacity": freshnessOpacity(theme) },
});

export interface DeviceLayerIds {
  cluster: string;
  clusterCount: string;
  clustered: string;
  clusteredLabel: string;
  pinned: string;
  pinnedLabel: string;
}

/** Clustered non-recording devices below, then recording devices, which are never clustered. */
export function deviceLayers(ids: DeviceLayerIds, sources: { clusterable: string; pinned: string }, theme: MapTheme): AddLayerObject[] {
  const o = theme.overlay;
  return [
    {
      id: ids.cluster,
      type: "circle",
      source: sources.clusterable,
      filter: ["has", "point_count"],
      paint: {
        "circle-color": o.offline,
        "circle-opacity": 0.85,
        "circle-radius": ["step", ["get", "point_count"], 13, 10, 17, 50, 22],
        "circle-stroke-color": o.markerCasing,
        "circle-stroke-width": 2,
      },
    },
    {
      id: ids.clusterCount,
      type: "symbol",
      source: sources.clusterable,
      filter: ["has", "point_count"],
      layout: {
        "text-field": ["get", "point_count_abbreviated"],
        "text-font": [...MAP_FONTS.bold],
        "text-size": 12,
        "text-allow-overlap": true,
      },
      paint: { "text-color": o.markerCasing },
    },
    { id: ids.clustered, type: "circle", source: sources.clusterable, filter: ["!", ["has", "point_count"]], paint: deviceCircle(theme, 6) },
    deviceLabel(theme, sources.clusterable, ids.clusteredLabel),
    { id: ids.pinned, type: "circle", source: sources.pinned, paint: deviceCircle(theme, 7) },
    deviceLabel(theme, sources.pinned, ids.pinnedLabel),
  ];
}

export interface FocusLayerIds {
  ring: string;
  label: string;
}

/**
 * The officers nearest the selected caller (and the selected device), drawn above every device and
 * cluster with labels that always show: other labels give way to them, never the reverse.
 */
export function focusLayers(ids: FocusLayerIds, source: string, theme: MapTheme): AddLayerObject[] {
  return [
    {
      id: ids.ring,
      type: "circle",
      source,
      paint: {
        "circle-radius": 8,
        "circle-color": statusColor(theme),
        "circle-opacity": freshnessOpacity(theme),
        "circle-stroke-color": theme.overlay.selection,
        "circle-stroke-width": ["case", isTrue("selected"), 3, 2],
      },
    },
    {
      id: ids.label,
      type: "symbol",
      source,
      layout: {
        "text-field": ["case", [">", ["get", "rank"], 0], ["concat", ["to-string", ["get", "rank"]], ". ", ["get", "label"]], ["get", "label"]],
        "text-font": [...MAP_FONTS.bold],
        "text-size": 12,
        "text-anchor": "left",
        "text-offset": [1, 0],
        "text-allow-overlap": true,
        "symbol-sort-key": ["get", "rank"],
      },
      paint: labelPaint(theme),
    },
  ];
}
