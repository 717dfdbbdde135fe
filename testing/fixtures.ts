/** Plausible records for tests: one LEI location in a call's sequence, and one body camera. */
import type { Device } from "@/lib/axon/types";
import type { CallerLocation } from "@/lib/rapidsos/types";

export const T0 = 1_763_800_000_000;

/** The `i`-th location of a walking caller's call (5 s apart, moving north). */
export function callerLocation(phone: string, i: number, over: Partial<CallerLocation> = {}): CallerLocation {
  return {
    callerId: phone,
    formatVersion: "1.0",
    createdTime: T0 + i * 5000 + 300,
    locationTime: T0 + i * 5000,
    callStartTime: T0 - 60_000,
    source: "call",
    callerName: "Jordan Caller",
    positioningMethod: "gps",
    application: "Sandbox Phone",
    latitude: 40.44 + i * 0.001,
    longitude: -79.99,
    altitudeM: null,
    altitudeUncertaintyM: null,
    uncertainty: { radiusM: 10, confidence: 90, pdf: "normal" },
    place: null,
    ...over,
  };
}

/** A recording camera with an officer, reporting from downtown Pittsburgh at T0. */
export function bodyCamera(id: string, over: Partial<Device> = {}): Device {
  return {
    id,
    serial: `X6${id}`,
    model: "AXON_BODY_4",
    modelName: "Axon Body 4",
    status: "recording",
    rawStatus: "RECORDING",
    batteryPct: 80,
    signal: { label: "GOOD", bars: 3 },
    location: { latitude: 40.44, longitude: -79.99, accuracyM: 5, at: T0 },
    officer: { name: "Sam Reyes", firstName: "Sam", lastName: "Reyes", badge: "1234", userId: "u1" },
    assignees: [{ name: "Sam Reyes", firstName: "Sam", lastName: "Reyes", badge: "1234", userId: "u1", primary: true }],
    officerHidden: false,
    agency: "Test PD",
    updatedAt: T0,
    ...over,
  };
}
