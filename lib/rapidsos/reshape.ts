/**
 * LEI wire records → CallerLocation. Numbers become numbers, absent or unreadable optional values
 * become null, and uncertainty is kept exactly as sent (rescaling is the map's job, and only
 * where the pdf allows it). A record missing a field LEI promises, or with impossible
 * coordinates, is dropped and counted: a wrong dot on a 911 map is worse than none.
 */
import type {
  CallerLocation,
  ConfidencePdf,
  ReverseGeocodedPlace,
  Uncertainty,
} from "./types";
import { leiRecordSchema, type LeiWireRecord } from "./wire";

export type ReshapedRecord =
  | { ok: true; location: CallerLocation }
  | { ok: false; reason: string };

export interface ReshapedPage {
  records: CallerLocation[];
  dropped: number;
  /** Why each dropped record was dropped: field names only, never values (they are personal data). */
  reasons: string[];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function toNumber(value: string | null): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const inRange = (n: number | null, min: number, max: number): n is number =>
  n !== null && n >= min && n <= max;

/** UNIX milliseconds; LEI sends them as integer strings. */
function toTime(value: string | null): number | null {
  const n = toNumber(value);
  return n !== null && n > 0 ? Math.round(n) : null;
}

const positive = (n: number | null) => (n !== null && n > 0 ? n : null);

function toPdf(value: string | null): ConfidencePdf | null {
  if (value === null || value.trim() === "") return null;
  const pdf = value.trim().toLowerCase();
  return pdf === "normal" || pdf === "rectangular" ? pdf : "unknown";
}

function toUncertainty(r: LeiWireRecord): Uncertainty {
  const confidence = toNumber(r.uncertainty_confidence);
  return {
    radiusM: positive(toNumber(r.uncertainty_radius)),
    // 0% confidence says nothing and would break any rescaling: treat it as not reported.
    confidence: confidence !== null && confidence > 0 && confidence <= 100 ? confidence : null,
    pdf: toPdf(r.uncertainty_confidence_pdf),
  };
}

const text = (value: string | null) => (value === null || value.trim() === "" ? null : value);

function toPlace(r: LeiWireRecord): ReverseGeocodedPlace | null {
  const latitude = toNumber(r.rg_latitude);
  const longitude = toNumber(r.rg_longitude);
  const likelihood = toNumber(r.rg_likelihood);
  const place: ReverseGeocodedPlace = {
    engine: text(r.rg_engine),
    name: text(r.rg_name),
    id: text(r.rg_id),
    likelihood: inRange(likelihood, 0, 100) ? likelihood : null,
    address: text(r.rg_address),
    exactLocation: text(r.rg_exact_location),
    latitude: inRange(latitude, -90, 90) && inRange(longitude, -180, 180) ? latitude : null,
    longitude: inRange(latitude, -90, 90) && inRange(longitude, -180, 180) ? longitude : null,
    contact: text(r.rg_contact),
    additionalInfoUrl: text(r.rg_additional_info_url),
  };
  return Object.values(place).every((v) => v === null) ? null : place;
}

export function reshapeLeiRecord(raw: unknown): ReshapedRecord {
  const parsed = leiRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "record")))];
    return { ok: false, reason: `unreadable ${fields.join(", ")}` };
  }
  const r = parsed.data as LeiWireRecord;

  const missing: string[] = [];
  const need = <T>(field: string, v: T | null): T => {
    if (v === null) missing.push(field);
    return v as T;
  };
  const callerId = need("caller_id", text(r.caller_id)?.replace(/\D/g, "") || null);
  const formatVersion = need("format_version", text(r.format_version));
  const createdTime = need("created_time", toTime(r.created_time));
  const locationTime = need("location_time", toTime(r.location_time));
  const callStartTime = need("call_start_time", toTime(r.call_start_time));
  const source = need("source", text(r.source));
  const latitude = toNumber(r.latitude);
  const longitude = toNumber(r.longitude);
  if (!inRange(latitude, -90, 90)) missing.push("latitude");
  if (!inRange(longitude, -180, 180)) missing.push("longitude");
  if (missing.length > 0) return { ok: false, reason: `missing or invalid ${missing.join(", ")}` };

  return {
    ok: true,
    location: {
      callerId,
      formatVersion,
      createdTime,
      locationTime,
      callStartTime,
      source,
      callerName: text(r.caller_name),
      positioningMethod: text(r.positioning_method),
      application: text(r.application),
      latitude: latitude as number,
      longitude: longitude as number,
      altitudeM: toNumber(r.altitude),
      altitudeUncertaintyM: positive(toNumber(r.altitude_uncertainty_radius)),
      uncertainty: toUncertainty(r),
      place: toPlace(r),
    },
  };
}

/** Reshape a page; records for a different caller than the one asked about are dropped too. */
export function reshapeLeiPage(results: unknown[], expectedCallerId: string): ReshapedPage {
  const page: ReshapedPage = { records: [], dropped: 0, reasons: [] };
  for (const raw of results) {
    const reshaped = reshapeLeiRecord(raw);
    if (!reshaped.ok) {
      page.dropped++;
      page.reasons.push(reshaped.reason);
    } else if (reshaped.location.callerId !== expectedCallerId) {
      page.dropped++;
      page.reasons.push("caller_id differs from the number asked about");
    } else {
      page.records.push(reshaped.location);
    }
  }
  return page;
}
