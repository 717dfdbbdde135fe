/**
 * Pure GeoJSON builders for every map layer. Layer components only push these into sources, so
 * what the map draws is testable without WebGL, and the panels show the same numbers (labels,
 * radii, freshness) because they call the same functions.
 */
import { formatPhone } from "@/lib/phone/format";
import type { Feature, FeatureCollection, LineString, Point, Polygon } from "geojson";
import type { Device, DeviceStatus } from "@/lib/axon/types";
import type { BoundingBox, CallSummary } from "@/lib/calls/types";
import { geodesicCircle } from "@/lib/geo/circle";
import {
  accuracyLabel,
  formatCircle,
  roundRadiusUp,
  toDisplayCircle,
  type DisplayCircle,
} from "@/lib/geo/confidence";
import { ageMs, callerFreshness, deviceFreshness, formatAge, type Freshness } from "@/lib/time/freshness";
import type { CallerLocation } from "@/lib/rapidsos/types";

type Props = Record<string, string | number | boolean>;

const collection = <G extends Point | Polygon | LineString, P extends Props>(
  features: Feature<G, P>[],
): FeatureCollection<G, P> => ({ type: "FeatureCollection", features });

const point = <P extends Props>(lng: number, lat: number, properties: P, id?: string): Feature<Point, P> => ({
  type: "Feature",
  ...(id === undefined ? {} : { id }),
  geometry: { type: "Point", coordinates: [lng, lat] },
  properties,
});

const EARTH_RADIUS_M = 6_371_008.8;

/** Where a circle's label sits: its northern edge, so it never covers the symbol in the middle. */
function northEdge(lat: number, lng: number, radiusM: number): { lat: number; lng: number } {
  return { lat: lat + (radiusM / EARTH_RADIUS_M) * (180 / Math.PI), lng };
}

/** The short label drawn on the map; the panels show the full one with the reason. */
export function mapCircleLabel(circle: DisplayCircle): string | null {
  if (circle.kind === "none") return null;
  return circle.kind === "converted" ? circle.label : `${formatCircle(circle.radiusM, circle.confidence)} as sent`;
}

/**
 * Where the shown location comes from: LEI's latest record, or — until LEI has answered — the
 * incident location RapidSOS Portal sent with the share (the location at the time of sharing).
 */
export type LocationOrigin = "lei" | "share";

export interface CallerView {
  call: CallSummary;
  location: CallerLocation;
  origin: LocationOrigin;
  circle: DisplayCircle;
  freshness: Freshness;
  ageMs: number;
}

/**
 * The share's incident location as a location record: timed at the share, with no radius (the
 * delivery sends none, so no circle is drawn and the panels say so) and no place.
 */
export function shareLocation(call: CallSummary): CallerLocation | null {
  const share = call.share;
  if (!share?.incident) return null;
  return {
    callerId: call.phone,
    formatVersion: "datashare",
    createdTime: share.receivedAt,
    locationTime: share.receivedAt,
    callStartTime: call.callStartTime ?? share.receivedAt,
    source: "datashare",
    callerName: call.callerName,
    positioningMethod: null,
    application: null,
    latitude: share.incident.latitude,
    longitude: share.incident.longitude,
    altitudeM: null,
    altitudeUncertaintyM: null,
    uncertainty: { radiusM: null, confidence: null, pdf: null },
    place: null,
  };
}

/** Everything shown about a caller's latest location, for the map and the panels alike. */
/** `feedFailing`: the calls feed (or RapidSOS behind it) is failing, so nothing it showed is live. */
export function callerView(
  call: CallSummary,
  serverTime: number,
  displayConfidence: number,
  feedFailing = false,
): CallerView | null {
  const origin: LocationOrigin = call.latest ? "lei" : "share";
  const location = call.latest ?? shareLocation(call);
  if (!location) return null;
  return {
    call,
    location,
    origin,
    circle: toDisplayCircle(location.uncertainty, displayConfidence),
    freshness: callerFreshness(call.status, location, serverTime, feedFailing),
    ageMs: ageMs(location.locationTime, serverTime),
  };
}

export interface CallerPointProps extends Props {
  id: string;
  phone: string;
  /** "lei" or "share" (the incident location sent with the share, until LEI answers). */
  origin: LocationOrigin;
  freshness: Freshness;
  selected: boolean;
  age: string;
}

export interface CircleProps extends Props {
  id: string;
  label: string;
  /** "converted" | "as-sent" | "accuracy": the outline dashes when not at the display confidence. */
  kind: string;
  freshness: Freshness;
  selected: boolean;
}

export interface CircleFeatures {
  circles: FeatureCollection<Polygon, CircleProps>;
  labels: FeatureCollection<Point, CircleProps>;
}

export interface CallerFeatures extends CircleFeatures {
  points: FeatureCollection<Point, CallerPointProps>;
}

export function buildCallerFeatures(views: readonly CallerView[], selectedId: string | null): CallerFeatures {
  const points: Feature<Point, CallerPointProps>[] = [];
  const circles: Feature<Polygon, CircleProps>[] = [];
  const labels: Feature<Point, CircleProps>[] = [];
  for (const v of views) {
    const { latitude: lat, longitude: lng } = v.location;
    const selected = v.call.id === selectedId;
    const common = { id: v.call.id, freshness: v.freshness, selected };
    points.push(
      // Only an overdue or ended caller's label shows its age; a live one's stays "" so its properties do
      // not change with every poll (an unchanged feature is not re-sent, and the map can settle).
      point(lng, lat, { ...common, phone: formatPhone(v.call.phone), origin: v.origin, age: v.freshness === "live" ? "" : formatAge(v.ageMs) }, v.call.id),
    );
    const label = mapCircleLabel(v.circle);
    if (v.circle.kind === "none" || label === null) continue;
    const props: CircleProps = { ...common, label, kind: v.circle.kind };
    circles.push(geodesicCircle(v.location, v.circle.radiusM, props));
    const edge = northEdge(lat, lng, v.circle.radiusM);
    labels.push(point(edge.lng, edge.lat, props));
  }
  return { points: collection(points), circles: collection(circles), labels: collection(labels) };
}

export interface TrailDotProps extends Props {
  /** 0 for the oldest location, 1 for the one just before the latest: older dots fade. */
  recency: number;
  time: number;
}

export interface TrailFeatures {
  line: FeatureCollection<LineString, Props>;
  dots: FeatureCollection<Point, TrailDotProps>;
}

/**
 * The path through every stored location (oldest first), oldest dots faintest. The console dots
 * only the earlier ones (the caller marker stands on the latest); review dots every point.
 */
export function buildTrailFeatures(
  trail: readonly CallerLocation[],
  { dotLatest = false }: { dotLatest?: boolean } = {},
): TrailFeatures {
  const coords = trail.map((l): [number, number] => [l.longitude, l.latitude]);
  const dotted = dotLatest ? trail : trail.slice(0, -1);
  const dots = dotted.map((l, i) =>
    point(l.longitude, l.latitude, {
      recency: dotted.length === 1 ? 1 : i / (dotted.length - 1),
      time: l.locationTime,
    }),
  );
  const line: Feature<LineString, Props>[] =
    coords.length >= 2
      ? [{ type: "Feature", geometry: { type: "LineString", coordinates: coords }, properties: {} }]
      : [];
  return { line: collection(line), dots: collection(dots) };
}

export interface DeviceView {
  device: Device;
  freshness: Freshness;
  /** Age of the position when there is one, else of the last report. */
  ageMs: number;
}

export function deviceView(device: Device, serverTime: number, feedFailing = false): DeviceView {
  const at = device.location?.at ?? device.updatedAt;
  return { device, freshness: deviceFreshness(device.status, at, serverTime, feedFailing), ageMs: ageMs(at, serverTime) };
}

export interface DevicePointProps extends Props {
  id: string;
  status: DeviceStatus;
  freshness: Freshness;
  selected: boolean;
  /** Recording devices are never clustered: the dispatcher must always see who is filming. */
  pinned: boolean;
  label: string;
  /** "" unless stale. */
  age: string;
}

export interface DevicePointInput {
  id: string;
  status: DeviceStatus;
  freshness: Freshness;
  selected: boolean;
  badge: string | null;
  serial: string;
  ageMs: number;
  longitude: number;
  latitude: number;
}

/** A camera as the map draws it, live or in review: labelled by badge (else serial), pinned when recording. */
export function devicePoint(d: DevicePointInput): Feature<Point, DevicePointProps> {
  const props: DevicePointProps = {
    id: d.id,
    status: d.status,
    freshness: d.freshness,
    selected: d.selected,
    pinned: d.status === "recording",
    label: d.badge ?? d.serial,
    // Only a stale label shows its age; leaving it empty otherwise keeps a live camera's properties
    // unchanged between reports, so an incremental update sends it as geometry alone.
    age: d.freshness === "stale" ? formatAge(d.ageMs) : "",
  };
  return point(d.longitude, d.latitude, props, d.id);
}

/** One feature per located device; devices with no position are listed by the panels, not drawn. */
export function buildDeviceFeatures(
  views: readonly DeviceView[],
  selectedId: string | null,
): FeatureCollection<Point, DevicePointProps> {
  const features: Feature<Point, DevicePointProps>[] = [];
  for (const { device, freshness, ageMs } of views) {
    if (!device.location) continue;
    features.push(
      devicePoint({
        id: device.id,
        status: device.status,
        freshness,
        selected: device.id === selectedId,
        badge: device.officer?.badge ?? null,
        serial: device.serial,
        ageMs,
        longitude: device.location.longitude,
        latitude: device.location.latitude,
      }),
    );
  }
  return collection(features);
}

export interface FocusPointProps extends DevicePointProps {
  /** 1 for the nearest officer, 2 for the next…; 0 for the selected camera when it is not among them. */
  rank: number;
}

/** The officers nearest the selected caller, and the selected camera, for the layer drawn above all devices. */
export function buildFocusFeatures(
  nearest: readonly DeviceView[],
  selected: DeviceView | null,
  selectedId: string | null,
): FeatureCollection<Point, FocusPointProps> {
  const features: Feature<Point, FocusPointProps>[] = [];
  const add = (view: DeviceView, rank: number) => {
    const f = buildDeviceFeatures([view], selectedId).features[0];
    if (f) features.push({ ...f, properties: { ...f.properties, rank } });
  };
  nearest.forEach((v, i) => add(v, i + 1));
  if (selected && !nearest.some((v) => v.device.id === selected.device.id)) add(selected, 0);
  return collection(features);
}

/** Two sources from one feature list: pinned points draw unclustered above the clustered rest. */
export function splitForClustering<P extends DevicePointProps>(
  fc: FeatureCollection<Point, P>,
): { pinned: FeatureCollection<Point, P>; clusterable: FeatureCollection<Point, P> } {
  return {
    pinned: collection(fc.features.filter((f) => f.properties.pinned)),
    clusterable: collection(fc.features.filter((f) => !f.properties.pinned)),
  };
}

/** The selected device's accuracy circle: Axon states no confidence, so it is drawn as sent. */
export function buildDeviceAccuracy(view: DeviceView | null): CircleFeatures {
  const loc = view?.device.location;
  if (!view || !loc || loc.accuracyM === null) return { circles: collection([]), labels: collection([]) };
  const props: CircleProps = {
    id: view.device.id,
    label: accuracyLabel(loc.accuracyM),
    kind: "accuracy",
    freshness: view.freshness,
    selected: true,
  };
  // Drawn at the radius the label states, which rounds up like every other circle.
  const radiusM = roundRadiusUp(loc.accuracyM);
  const edge = northEdge(loc.latitude, loc.longitude, radiusM);
  return {
    circles: collection([geodesicCircle(loc, radiusM, props)]),
    labels: collection([point(edge.lng, edge.lat, props)]),
  };
}

export interface JurisdictionProps extends Props {
  callId: string;
  ecc: string;
}

/**
 * The jurisdiction box of the ECC that shared the call, as RapidSOS sent it. A box crossing the
 * antimeridian (west > east) runs east past 180° so it is drawn the short way round. In Web
 * Mercator a latitude/longitude box is a rectangle, so four corners are enough.
 */
export function buildJurisdictionFeatures(call: CallSummary | null): FeatureCollection<Polygon, JurisdictionProps> {
  const bbox: BoundingBox | null = call?.share?.bbox ?? null;
  if (!call || !bbox) return collection([]);
  const [west, south, , north] = bbox;
  const east = bbox[2] < west ? bbox[2] + 360 : bbox[2];
  const ring: [number, number][] = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return collection([
    {
      type: "Feature",
      geometry: { type: "Polygon", coordinates: [ring] },
      properties: { callId: call.id, ecc: call.share?.eccAccountId ?? "" },
    },
  ]);
}
