import { describe, expect, it } from "vitest";
import { makeCallPlan } from "./call-plan";
import type { CallKind } from "./caller-routes";
import { distanceM } from "./geo";
import { buildCallRecords, distanceAlong, type LeiWireRecord } from "./lei-records";
import { PLACES, REVERSE_GEOCODE_MAX_M } from "./places";

const T = 1_795_359_600_000;
const plan = (kind: CallKind, profileIndex = 0, routeIndex = 0, id = `test-${kind}`) =>
  makeCallPlan(911, { id, origin: "initial", phone: "14125550101", kind, start: T, routeIndex, profileIndex });

const FIELDS: (keyof LeiWireRecord)[] = [
  "format_version", "caller_id", "created_time", "location_time", "call_start_time", "source", "caller_name",
  "application", "positioning_method", "latitude", "longitude", "altitude", "altitude_uncertainty_radius",
  "uncertainty_radius", "uncertainty_confidence", "uncertainty_confidence_pdf", "rg_engine", "rg_name", "rg_id",
  "rg_likelihood", "rg_address", "rg_exact_location", "rg_latitude", "rg_longitude", "rg_contact", "rg_additional_info_url",
];
const ALWAYS = ["format_version", "caller_id", "created_time", "location_time", "call_start_time", "source", "latitude", "longitude", "uncertainty_radius"];

describe("buildCallRecords", () => {
  it.each(["walking", "driving", "text"] as const)("%s: every field present, strings or null, mandatory ones set", (kind) => {
    for (const r of buildCallRecords(911, plan(kind))) {
      expect(Object.keys(r.wire)).toEqual(FIELDS);
      for (const [k, v] of Object.entries(r.wire)) {
        expect(v === null || typeof v === "string", k).toBe(true);
        if (ALWAYS.includes(k)) expect(v, k).not.toBeNull();
      }
      expect(r.wire.created_time).toMatch(/^\d{13}$/);
      expect(Number(r.wire.latitude)).toBeCloseTo(40.44, 1);
    }
  });

  it("is ascending, created a little after located, within the planned call", () => {
    for (const kind of ["walking", "driving", "text"] as const) {
      const p = plan(kind);
      const recs = buildCallRecords(911, p);
      for (let i = 0; i < recs.length; i++) {
        const r = recs[i]!;
        expect(r.createdTime - r.locationTime).toBeGreaterThanOrEqual(300);
        expect(r.createdTime - r.locationTime).toBeLessThanOrEqual(4000);
        expect(r.locationTime).toBeLessThanOrEqual(p.plannedEnd);
        if (i > 0) expect(r.createdTime).toBeGreaterThan(recs[i - 1]!.createdTime);
      }
    }
  });

  it("walking: gps/hybrid, 8–30 m @ 90 normal, a record every 6–14 s", () => {
    const recs = buildCallRecords(911, plan("walking"));
    for (const r of recs) {
      expect(["gps", "hybrid"]).toContain(r.wire.positioning_method);
      expect(Number(r.wire.uncertainty_radius)).toBeGreaterThanOrEqual(8);
      expect(Number(r.wire.uncertainty_radius)).toBeLessThanOrEqual(30);
      expect([r.wire.uncertainty_confidence, r.wire.uncertainty_confidence_pdf]).toEqual(["90", "normal"]);
      expect(r.wire.source).toBe("call");
    }
    const gaps = recs.slice(1).map((r, i) => r.locationTime - recs[i]!.locationTime);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(6000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(14000);
  });

  it("driving: 15–60 m @ 68 normal, and actually drives the Parkway East", () => {
    const p = plan("driving");
    const recs = buildCallRecords(911, p);
    for (const r of recs) {
      expect(Number(r.wire.uncertainty_radius)).toBeGreaterThanOrEqual(15);
      expect(Number(r.wire.uncertainty_radius)).toBeLessThanOrEqual(60);
      expect(r.wire.uncertainty_confidence).toBe("68");
    }
    const first = recs[0]!.truth;
    const last = recs[recs.length - 1]!.truth;
    expect(distanceM(first, last)).toBeGreaterThan(4000);
  });

  it("text: sms, cell/wifi, 40–150 m with no confidence and no pdf, 20–120 s apart", () => {
    const recs = buildCallRecords(911, plan("text"));
    expect(recs.length).toBeGreaterThan(5);
    for (const r of recs) {
      expect(r.wire.source).toBe("sms");
      expect(["cell", "wifi"]).toContain(r.wire.positioning_method);
      expect(Number(r.wire.uncertainty_radius)).toBeGreaterThanOrEqual(40);
      expect(Number(r.wire.uncertainty_radius)).toBeLessThanOrEqual(150);
      expect(r.wire.uncertainty_confidence).toBeNull();
      expect(r.wire.uncertainty_confidence_pdf).toBeNull();
      expect(r.wire.altitude).toBeNull();
    }
    const gaps = recs.slice(1).map((r, i) => r.locationTime - recs[i]!.locationTime);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(120_000);
  });

  it("later profiles use 95 with unknown and rectangular pdfs", () => {
    expect(buildCallRecords(911, plan("walking", 1))[0]!.wire).toMatchObject({ uncertainty_confidence: "95", uncertainty_confidence_pdf: "unknown" });
    expect(buildCallRecords(911, plan("walking", 2))[0]!.wire).toMatchObject({ uncertainty_confidence: "95", uncertainty_confidence_pdf: "rectangular" });
  });

  it("reported positions scatter around the truth about as the stated uncertainty says", () => {
    const recs = buildCallRecords(911, plan("walking", 0, 1, "scatter"));
    const inside = recs.filter((r) => distanceM(r.truth, { lat: Number(r.wire.latitude), lon: Number(r.wire.longitude) }) <= Number(r.wire.uncertainty_radius));
    expect(inside.length / recs.length).toBeGreaterThan(0.7);
  });

  it("reverse-geocodes to a place within range, or sends all rg_* null", () => {
    const engines = new Set<string>();
    const seen: LeiWireRecord[] = [];
    for (const r of buildCallRecords(911, plan("walking"))) {
      if (r.wire.rg_name === null) {
        expect(r.wire.rg_address).toBeNull();
        expect(r.wire.rg_engine).toBeNull();
        continue;
      }
      const place = PLACES.find((p) => p.name === r.wire.rg_name)!;
      expect(distanceM(place, { lat: Number(r.wire.latitude), lon: Number(r.wire.longitude) })).toBeLessThanOrEqual(REVERSE_GEOCODE_MAX_M);
      expect(r.wire.rg_engine).toBe(place.engine ?? "google");
      expect(r.wire.rg_exact_location).toBe(place.exactLocation);
      expect(r.wire.rg_contact).toBe(place.contact);
      expect(r.wire.rg_additional_info_url).toBe(place.infoUrl ?? null);
      engines.add(r.wire.rg_engine!);
      seen.push(r.wire);
    }
    // The walk past PPG Place meets Apple's geocoder, a floor-level place, its phone and its page.
    expect([...engines].sort()).toEqual(["apple", "google"]);
    expect(seen.some((w) => w.rg_exact_location === "Plaza level" && w.rg_contact !== null && w.rg_additional_info_url !== null)).toBe(true);
  });

  it("repeats the same fix once the caller stops moving", () => {
    // A slow text caller on a short route reaches its end and stays there.
    const p = { ...plan("text", 0, 1, "still"), speedMps: 2 };
    const recs = buildCallRecords(911, p);
    const tail = recs.slice(-3).map((r) => [r.wire.latitude, r.wire.longitude, r.wire.uncertainty_radius].join());
    expect(new Set(tail).size).toBe(1);
    expect(new Set(recs.slice(-3).map((r) => r.wire.location_time)).size).toBe(3);
  });

  it("is a pure function of seed and plan", () => {
    expect(buildCallRecords(911, plan("driving"))).toEqual(buildCallRecords(911, plan("driving")));
    expect(buildCallRecords(912, plan("driving"))).not.toEqual(buildCallRecords(911, plan("driving")));
  });
});

describe("distanceAlong", () => {
  it("never goes backwards", () => {
    const p = plan("driving");
    let prev = -1;
    for (let s = 0; s < 600; s += 1) {
      const d = distanceAlong(p, s);
      expect(d).toBeGreaterThanOrEqual(prev);
      prev = d;
    }
  });
});
