/**
 * A reviewed call as a file: CSV (one row per stored location, every LEI field plus the circle as
 * the map showed it) or GeoJSON (a point per location with the same fields, plus the trail line).
 * Pure: the service audits and serves them. CSV cells go through the audit export's escaping, so a
 * place name that starts with "=" cannot run as a spreadsheet formula.
 */
import type { Feature, FeatureCollection, LineString, Point } from "geojson";
import { csvLine } from "@/lib/audit/csv";
import type { CallSummary } from "@/lib/calls/types";
import { toDisplayCircle } from "@/lib/geo/confidence";
import type { ReviewPoint } from "./types";

export type ExportFormat = "csv" | "geojson";

type Cell = string | number | boolean | null;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Column name → value, in file order; the CSV header and the GeoJSON properties share it. */
export function pointFields(call: CallSummary, p: ReviewPoint, index: number, displayConfidence: number): [string, Cell][] {
  const circle = toDisplayCircle(p.uncertainty, displayConfidence);
  const place = p.place;
  return [
    ["index", index + 1],
    ["call_id", call.id],
    ["phone", p.callerId],
    ["caller_name", p.callerName],
    ["call_start_utc", iso(p.callStartTime)],
    ["created_time_utc", iso(p.createdTime)],
    ["location_time_utc", iso(p.locationTime)],
    ["received_at_utc", iso(p.receivedAt)],
    ["source", p.source],
    ["positioning_method", p.positioningMethod],
    ["application", p.application],
    ["latitude", p.latitude],
    ["longitude", p.longitude],
    ["altitude_m", p.altitudeM],
    ["altitude_uncertainty_m", p.altitudeUncertaintyM],
    ["uncertainty_radius_m", p.uncertainty.radiusM],
    ["uncertainty_confidence", p.uncertainty.confidence],
    ["uncertainty_pdf", p.uncertainty.pdf],
    ["display_circle", circle.kind],
    ["display_radius_m", circle.kind === "none" ? null : circle.radiusM],
    ["display_confidence", circle.kind === "none" ? null : circle.confidence],
    ["display_label", circle.label],
    ["outside_jurisdiction", p.outsideJurisdiction],
    ["rg_engine", place?.engine ?? null],
    ["rg_name", place?.name ?? null],
    ["rg_id", place?.id ?? null],
    ["rg_likelihood", place?.likelihood ?? null],
    ["rg_address", place?.address ?? null],
    ["rg_exact_location", place?.exactLocation ?? null],
    ["rg_latitude", place?.latitude ?? null],
    ["rg_longitude", place?.longitude ?? null],
    ["rg_contact", place?.contact ?? null],
    ["rg_additional_info_url", place?.additionalInfoUrl ?? null],
    ["format_version", p.formatVersion],
  ];
}

export function callCsv(call: CallSummary, trail: readonly ReviewPoint[], displayConfidence: number): string {
  const rows = trail.map((p, i) => pointFields(call, p, i, displayConfidence));
  const header = (rows[0] ?? pointFields(call, EMPTY_POINT, 0, displayConfidence)).map(([name]) => name);
  // A byte-order mark lets spreadsheet programs read the file as UTF-8.
  return `\uFEFF${csvLine(header)}${rows.map((r) => csvLine(r.map(([, v]) => v))).join("")}`;
}

export function callGeoJson(
  call: CallSummary,
  trail: readonly ReviewPoint[],
  displayConfidence: number,
): FeatureCollection<Point | LineString> & { call: Record<string, Cell> } {
  const points: Feature<Point>[] = trail.map((p, i) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [p.longitude, p.latitude] },
    properties: { kind: "location", ...Object.fromEntries(pointFields(call, p, i, displayConfidence)) },
  }));
  const line: Feature<LineString>[] =
    trail.length >= 2
      ? [
          {
            type: "Feature",
            geometry: { type: "LineString", coordinates: trail.map((p) => [p.longitude, p.latitude]) },
            properties: { kind: "trail", call_id: call.id, phone: call.phone, locations: trail.length },
          },
        ]
      : [];
  return {
    type: "FeatureCollection",
    // A foreign member (RFC 7946 §6.1): what the file is about, for whoever opens it later.
    call: {
      id: call.id,
      phone: call.phone,
      caller_name: call.callerName,
      status: call.status,
      shared: call.shared,
      call_start_utc: iso(call.callStartTime),
      ended_at_utc: iso(call.endedAt),
      ecc_account_id: call.share?.eccAccountId ?? null,
      display_confidence: displayConfidence,
    },
    features: [...points, ...line],
  };
}

/** "call-14125550101-20261122T140500Z.csv": sorts by number and start in a downloads folder. */
export function exportFilename(call: CallSummary, format: ExportFormat): string {
  const start = call.callStartTime ?? call.firstSeenAt;
  const stamp = new Date(start).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `call-${call.phone.replace(/\D/g, "")}-${stamp}.${format}`;
}

// Only its field names are used (the header of an export with no rows).
const EMPTY_POINT: ReviewPoint = {
  callerId: "",
  formatVersion: "",
  createdTime: 0,
  locationTime: 0,
  callStartTime: 0,
  source: "",
  callerName: null,
  positioningMethod: null,
  application: null,
  latitude: 0,
  longitude: 0,
  altitudeM: null,
  altitudeUncertaintyM: null,
  uncertainty: { radiusM: null, confidence: null, pdf: null },
  place: null,
  receivedAt: 0,
  outsideJurisdiction: null,
};
