/**
 * Alerts on the map, pure and unit-tested apart from the layer components: one point per alert
 * (its own symbol by emergency type), a ground-true circle only when the radius is known, and the
 * selected alert's location history as a trail.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from "geojson";
import type { AlertLocation, AlertSummary } from "@/lib/alerts/types";
import { geodesicCircle } from "@/lib/geo/circle";

/** One letter per emergency type, drawn in the alert's symbol (TEST_ types share their base's). */
export const ALERT_SYMBOL: Record<string, { letter: string; colour: string }> = {
  BURGLARY: { letter: "B", colour: "#7c3aed" },
  HOLDUP: { letter: "H", colour: "#be123c" },
  SILENT_ALARM: { letter: "S", colour: "#9333ea" },
  ACTIVE_ASSAILANT: { letter: "!", colour: "#9f1239" },
  MOBILE_PANIC: { letter: "P", colour: "#c026d3" },
  CRASH: { letter: "C", colour: "#ea580c" },
  MEDICAL: { letter: "M", colour: "#0284c7" },
  FIRE: { letter: "F", colour: "#dc2626" },
  CO: { letter: "CO", colour: "#ca8a04" },
  TRAIN_DERAILMENT: { letter: "T", colour: "#b45309" },
  OTHER: { letter: "?", colour: "#475569" },
};

export function alertSymbol(type: string): { letter: string; colour: string } {
  return ALERT_SYMBOL[type.replace(/^TEST_/, "")] ?? ALERT_SYMBOL.OTHER!;
}

export interface AlertPointProps {
  [key: string]: unknown;
  id: string;
  letter: string;
  colour: string;
  label: string;
  /** "fix": a device's position; "address": RapidSOS's geocode of the address the source gave. */
  basis: "fix" | "address";
  selected: boolean;
  waiting: boolean;
}

export interface AlertCircleProps {
  [key: string]: unknown;
  id: string;
  label: string;
  kind: string;
  freshness: string;
  selected: boolean;
}

export interface AlertFeatures {
  points: FeatureCollection<Point, AlertPointProps>;
  circles: FeatureCollection<Polygon, AlertCircleProps>;
  labels: FeatureCollection<Point, AlertCircleProps>;
}

const collection = <G extends Point | Polygon | LineString, P>(features: Feature<G, P>[]): FeatureCollection<G, P> => ({ type: "FeatureCollection", features });

/** What the location is, in words: a fix with its radius, a fix of unknown radius, or an address. */
export function describeAlertLocation(l: AlertLocation): string {
  if (!l.point) return l.civic ? "Address only — no map position" : "No location sent";
  if (l.provided === "CIVIC") return "Address, placed on the map by RapidSOS — not a device fix";
  return l.radiusM === null ? "Device fix — uncertainty unknown (no circle)" : `Device fix ±${Math.ceil(l.radiusM)} m`;
}

export function buildAlertFeatures(alerts: readonly AlertSummary[], selectedId: string | null): AlertFeatures {
  const points: Feature<Point, AlertPointProps>[] = [];
  const circles: Feature<Polygon, AlertCircleProps>[] = [];
  const labels: Feature<Point, AlertCircleProps>[] = [];
  for (const a of alerts) {
    const p = a.location.point;
    if (!p) continue;
    const selected = a.id === selectedId;
    const { letter, colour } = alertSymbol(a.emergencyType.name);
    const basis = a.location.provided === "CIVIC" ? "address" : "fix";
    points.push({
      type: "Feature",
      id: a.id,
      geometry: { type: "Point", coordinates: [p.lon, p.lat] },
      properties: { id: a.id, letter, colour, label: `${a.emergencyType.displayName}${basis === "address" ? " (address)" : ""}`, basis, selected, waiting: a.status.name === "DISPATCH_REQUESTED" || a.status.name === "NEW" },
    });
    if (basis === "fix" && a.location.radiusM !== null) {
      const props: AlertCircleProps = { id: a.id, label: `±${Math.ceil(a.location.radiusM)} m (as sent)`, kind: "as-sent", freshness: "live", selected };
      circles.push(geodesicCircle({ latitude: p.lat, longitude: p.lon }, a.location.radiusM, props));
      labels.push({ type: "Feature", geometry: { type: "Point", coordinates: [p.lon, p.lat + a.location.radiusM / 111_320] }, properties: props });
    }
  }
  return { points: collection(points), circles: collection(circles), labels: collection(labels) };
}

export function buildAlertTrail(history: readonly AlertLocation[]) {
  const fixes = history.filter((l) => l.point && l.provided !== "CIVIC");
  const coords = fixes.map((l): [number, number] => [l.point!.lon, l.point!.lat]);
  const dotted = fixes.slice(0, -1);
  return {
    line: collection<LineString, Record<string, unknown>>(coords.length >= 2 ? [{ type: "Feature", geometry: { type: "LineString", coordinates: coords }, properties: {} }] : []),
    dots: collection<Point, { recency: number; time: number }>(
      dotted.map((l, i) => ({ type: "Feature", geometry: { type: "Point", coordinates: [l.point!.lon, l.point!.lat] }, properties: { recency: dotted.length === 1 ? 1 : i / (dotted.length - 1), time: l.at ?? 0 } })),
    ),
  };
}
