/**
 * The LEI location records one call produces, in the wire shape of RapidSOS LEI 1.5: every populated
 * value a string, unknown ones null. Derived purely from the call plan and the seed.
 */
import type { CallPlan } from "./call-plan";
import type { CallKind } from "./caller-routes";
import { displaceM, fixed, Polyline, type LatLon } from "./geo";
import { reverseGeocode } from "./places";
import { Rng } from "./rng";

/** Field order follows the document's example, with its two extra fields where they belong. */
export interface LeiWireRecord {
  format_version: string;
  caller_id: string;
  created_time: string;
  location_time: string;
  call_start_time: string;
  source: string;
  caller_name: string | null;
  application: string | null;
  positioning_method: string | null;
  latitude: string;
  longitude: string;
  altitude: string | null;
  altitude_uncertainty_radius: string | null;
  uncertainty_radius: string;
  uncertainty_confidence: string | null;
  uncertainty_confidence_pdf: string | null;
  rg_engine: string | null;
  rg_name: string | null;
  rg_id: string | null;
  rg_likelihood: string | null;
  rg_address: string | null;
  rg_exact_location: string | null;
  rg_latitude: string | null;
  rg_longitude: string | null;
  rg_contact: string | null;
  rg_additional_info_url: string | null;
}

export interface SimRecord {
  createdTime: number;
  locationTime: number;
  /** The caller's true position (before positioning error), for tests and the portal. */
  truth: LatLon;
  wire: LeiWireRecord;
}

interface KindTiming {
  firstMs: readonly [number, number];
  intervalMs: readonly [number, number];
  createdDelayMs: readonly [number, number];
  /** Speed wobble: relative amplitude and period, so movement is not perfectly uniform. */
  wobble: number;
  wobblePeriodS: number;
}

const TIMING: Record<CallKind, KindTiming> = {
  walking: { firstMs: [2_000, 6_000], intervalMs: [6_000, 14_000], createdDelayMs: [300, 2_500], wobble: 0.15, wobblePeriodS: 60 },
  driving: { firstMs: [2_000, 5_000], intervalMs: [5_000, 10_000], createdDelayMs: [300, 2_500], wobble: 0.35, wobblePeriodS: 90 },
  // Text to 911: one location per message, messages at irregular 20–120 s intervals.
  text: { firstMs: [5_000, 40_000], intervalMs: [20_000, 120_000], createdDelayMs: [800, 4_000], wobble: 0.5, wobblePeriodS: 300 },
};

/** Metres along the route `elapsedS` seconds into the call (integral of a wobbling speed). */
export function distanceAlong(call: CallPlan, elapsedS: number): number {
  const { wobble, wobblePeriodS: p } = TIMING[call.kind];
  const w = (2 * Math.PI) / p;
  const phase = call.speedPhase;
  return call.speedMps * (elapsedS + (wobble / w) * (Math.cos(phase) - Math.cos(w * elapsedS + phase)));
}

/** Spread of the positioning error implied by a radius at a confidence (2-D normal, Rayleigh). */
function errorSigma(radius: number, confidence: number | null, pdf: string | null): number {
  if (confidence !== null && pdf === "normal") return radius / Math.sqrt(-2 * Math.log(1 - confidence / 100));
  return radius / 2.45;
}

const polylineCache = new WeakMap<object, Polyline>();
export function routePolyline(call: CallPlan): Polyline {
  let line = polylineCache.get(call.route);
  if (!line) {
    line = new Polyline(call.route.waypoints);
    polylineCache.set(call.route, line);
  }
  return line;
}

/** Every record the call will ever produce, up to its planned end, oldest first. */
export function buildCallRecords(seed: number, call: CallPlan): SimRecord[] {
  const rng = new Rng(seed, "records", call.id);
  const timing = TIMING[call.kind];
  const line = routePolyline(call);
  const [rMin, rMax] = call.profile.radiusM;
  const radiusPhase = rng.range(0, 2 * Math.PI);
  const records: SimRecord[] = [];
  let previous: SimRecord | null = null;
  let previousStill = false;

  for (let k = 0, t = call.start + Math.round(rng.range(...timing.firstMs)); t <= call.plannedEnd; k++) {
    const along = distanceAlong(call, (t - call.start) / 1000);
    const truth = line.at(along);
    const still = along >= line.length;
    const created = t + Math.round(rng.range(...timing.createdDelayMs));
    // Draw every random number each time, so a record's values do not depend on earlier branches.
    const wave = 0.5 + 0.35 * Math.sin(k / 5 + radiusPhase) + 0.3 * (rng.next() - 0.5);
    const radius = rMin + (rMax - rMin) * Math.min(1, Math.max(0, wave));
    const sigma = errorSigma(radius, call.profile.confidence, call.profile.pdf);
    const errorM = Math.min(2 * radius, sigma * Math.sqrt(-2 * Math.log(1 - rng.next())));
    const bearing = rng.range(0, 2 * Math.PI);
    const method = rng.chance(0.7) ? call.profile.methods[0] : rng.pick(call.profile.methods);
    const altitudeNoise = rng.range(-4, 4);
    const altitudeRadius = rng.range(3, 12);

    let wire: LeiWireRecord;
    if (still && previousStill && previous) {
      // A phone that has not moved keeps sending the same fix (RapidSOS LEI 1.5).
      wire = { ...previous.wire, created_time: String(created), location_time: String(t) };
    } else {
      const reported = displaceM(truth, errorM, bearing);
      const rg = reverseGeocode(reported);
      wire = {
        format_version: "1.0",
        caller_id: call.phone,
        created_time: String(created),
        location_time: String(t),
        call_start_time: String(call.start),
        source: call.kind === "text" ? "sms" : "call",
        caller_name: call.callerName,
        application: call.application,
        positioning_method: method ?? null,
        latitude: fixed(reported.lat, 6),
        longitude: fixed(reported.lon, 6),
        altitude: call.reportsAltitude ? fixed(call.route.elevationM + 1.5 + altitudeNoise, 1) : null,
        altitude_uncertainty_radius: call.reportsAltitude ? fixed(altitudeRadius, 1) : null,
        uncertainty_radius: fixed(radius, 1),
        uncertainty_confidence: call.profile.confidence === null ? null : String(call.profile.confidence),
        uncertainty_confidence_pdf: call.profile.pdf,
        // Apple's geocoder names a few places (RapidSOS LEI 1.5: "google" or "apple").
        rg_engine: rg ? (rg.place.engine ?? "google") : null,
        rg_name: rg ? rg.place.name : null,
        rg_id: rg ? rg.id : null,
        rg_likelihood: rg ? String(rg.likelihood) : null,
        rg_address: rg ? rg.place.address : null,
        rg_exact_location: rg ? rg.place.exactLocation : null,
        rg_latitude: rg ? fixed(rg.place.lat, 5) : null,
        rg_longitude: rg ? fixed(rg.place.lon, 5) : null,
        rg_contact: rg ? rg.place.contact : null,
        rg_additional_info_url: rg?.place.infoUrl ?? null,
      };
    }
    previous = { createdTime: created, locationTime: t, truth, wire };
    previousStill = still;
    records.push(previous);
    t += Math.round(rng.range(...timing.intervalMs));
  }
  return records;
}
