/**
 * Alerts that arrive now and then in the sandbox jurisdiction, as a pure function of (seed, t0):
 * a burglary at a shop with a civic address only, a fire alarm with geodetic and civic, an mPERS
 * fall whose wearer keeps moving (location updates), and a vehicle crash with an unknown radius.
 */
import { Rng } from "../rng";
import type { AlertInput } from "./partner";
import type { WireGeodetic } from "./wire";

export type ScenarioKind = "burglary" | "fire" | "mpers" | "crash";
const KINDS: readonly ScenarioKind[] = ["burglary", "fire", "mpers", "crash"];

export type ScenarioAction =
  | { at: number; kind: "create"; index: number; alert: AlertInput }
  | { at: number; kind: "log"; index: number; messageType: "MILESTONE" | "MULTI_TRIP_SIGNAL" | "CHAT_MESSAGE"; message: string }
  | { at: number; kind: "move"; index: number; geodetic: WireGeodetic };

const FIRST_AFTER_MS = 60_000;
const HORIZON = 400;

const point = (latitude: number, longitude: number, uncertainty_radius: number): WireGeodetic => ({
  latitude, longitude, uncertainty_radius, altitude: null, vertical_uncertainty: null, estimated_floor_level: null, elevation: null,
});

/** The mPERS wearer walks from Schenley Plaza along Forbes Avenue. */
const MPERS_PATH: readonly [number, number][] = [
  [40.4428, -79.9537], [40.4431, -79.9524], [40.4434, -79.951], [40.4437, -79.9497], [40.444, -79.9484],
  [40.4443, -79.9471], [40.4446, -79.9458], [40.4449, -79.9445], [40.4452, -79.9432],
];

function alertFor(kind: ScenarioKind, index: number, at: number, rng: Rng): AlertInput {
  const sourceId = `KM-${String(100_000 + index * 7 + rng.int(0, 6))}`;
  switch (kind) {
    case "burglary":
      return {
        sourceId, incidentTime: at - rng.int(5_000, 40_000), geodetic: null,
        civic: { name: "Smallman Street Provisions", street_1: "2101 Smallman St", street_2: null, city: "Pittsburgh", state: "PA", country: "US", zip_code: "15222" },
        emergencyType: "BURGLARY", siteType: "COMMERCIAL", description: "Glass break detected", serviceProviderName: "Keystone Alarm Co.",
        extras: {
          alarm_description: "Glass break detected", zone_description: "Front display window", alarm_permit_number: "AP-2291", visually_verified: false,
          instructions: "Keyholder en route, ETA 20 min. Side gate code 4411. Guard dog inside (friendly).", site_phone: "14125550177",
          emergency_contacts: [{ name: "Dana Whitfield", phone: "14125550178", relationship: "Owner / keyholder", language: "English" }],
        },
        chatEnabled: true,
      };
    case "fire":
      return {
        sourceId, incidentTime: at - rng.int(2_000, 20_000), geodetic: point(40.4425, -80.0003, 8),
        civic: { name: "Heinz Hall", street_1: "600 Penn Ave", street_2: null, city: "Pittsburgh", state: "PA", country: "US", zip_code: "15222" },
        emergencyType: "FIRE", siteType: "COMMERCIAL", description: "Smoke detector tripped in zone 3 on floor 2", serviceProviderName: "Keystone Alarm Co.",
        extras: {
          alarm_description: "Smoke detector tripped", zone_description: "Zone 3, floor 2 east corridor", visually_verified: false,
          instructions: "Knox box at stage door on 7th St.", site_phone: "14125550121",
          emergency_contacts: [{ name: "Marcus Lee", phone: "14125550181", relationship: "Facilities manager" }],
        },
        chatEnabled: true,
      };
    case "mpers": {
      const [lat, lon] = MPERS_PATH[0]!;
      return {
        sourceId, incidentTime: at - rng.int(1_000, 8_000), geodetic: point(lat, lon, 12), civic: null,
        emergencyType: "MEDICAL", siteType: "PERSONAL", description: "Fall detection", serviceProviderName: "LifeLine Mobile",
        extras: {
          zone_description: "Medical pendant",
          patient: { patient_name: "Eleanor Novak", gender: "Female", date_of_birth: "1944-03-02", medical_conditions: "Atrial fibrillation", medications: "Warfarin", allergies: "Penicillin" },
          emergency_contacts: [{ name: "Paul Novak", phone: "14125550190", relationship: "Son" }],
        },
        chatEnabled: true,
      };
    }
    case "crash":
      return {
        sourceId, incidentTime: at - rng.int(1_000, 5_000), geodetic: point(40.4376 + rng.range(-0.002, 0.002), -79.977 + rng.range(-0.003, 0.003), -1), civic: null,
        emergencyType: "CRASH", siteType: "VEHICLE", description: "Severe crash detected, airbags deployed", serviceProviderName: "RoadGuard Telematics",
        extras: { emergency_contacts: [{ name: "Sam Ortiz", phone: "14125550199", relationship: "Driver" }] },
        chatEnabled: true,
      };
  }
}

export class AlertsScenario {
  private readonly actions: ScenarioAction[] = [];

  constructor(seed: number, readonly t0: number) {
    const rng = new Rng(seed, "alerts", t0);
    let at = t0 + FIRST_AFTER_MS;
    for (let index = 0; index < HORIZON; index++) {
      const kind = KINDS[index % KINDS.length]!;
      this.actions.push({ at, kind: "create", index, alert: alertFor(kind, index, at, rng) });
      if (kind === "burglary") this.actions.push({ at: at + 45_000, kind: "log", index, messageType: "MULTI_TRIP_SIGNAL", message: "Second zone tripped: back door contact" });
      if (kind === "fire") this.actions.push({ at: at + 20_000, kind: "log", index, messageType: "MILESTONE", message: "Keyholder notified by phone" });
      if (kind === "crash") this.actions.push({ at: at + 15_000, kind: "log", index, messageType: "CHAT_MESSAGE", message: "Driver does not answer the in-vehicle voice call." });
      if (kind === "mpers") {
        MPERS_PATH.slice(1).forEach(([lat, lon], i) => {
          this.actions.push({ at: at + (i + 1) * 20_000, kind: "move", index, geodetic: point(lat, lon, 10 + i) });
        });
      }
      at += rng.int(4 * 60_000, 8 * 60_000);
    }
    this.actions.sort((a, b) => a.at - b.at);
  }

  /** Actions in (from, to], oldest first. */
  between(from: number, to: number): ScenarioAction[] {
    return this.actions.filter((a) => a.at > from && a.at <= to);
  }
}
