/** Test helpers for review: stored calls, deliveries and device trails. Not used by the app. */
import type { Db } from "@/lib/db/client";
import { datashareDeliveries, devicePositions } from "@/lib/db/schema";
import { storeCallerLocations } from "@/lib/history/caller-locations";
import type { CallerLocation } from "@/lib/rapidsos/types";

export const T0 = 1_763_800_000_000;

export function location(phone: string, i: number, over: Partial<CallerLocation> = {}): CallerLocation {
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

/** Store `count` locations of one call; returns its id. */
export async function storeCall(
  db: Db,
  phone: string,
  count: number,
  over: (i: number) => Partial<CallerLocation> = () => ({}),
): Promise<string> {
  const stored = await storeCallerLocations(
    db,
    Array.from({ length: count }, (_, i) => location(phone, i, over(i))),
  );
  return stored.callIds[0]!;
}

export async function shareCall(
  db: Db,
  callId: string,
  phone: string,
  bbox: [number, number, number, number],
  eccAccountId = "ecc-allegheny",
) {
  await db.insert(datashareDeliveries).values({
    bodySha256: `${callId}-${Math.random()}`,
    phone,
    callId,
    eccAccountId,
    bbox,
    incidentLatitude: 40.44,
    incidentLongitude: -79.99,
  });
}

export async function storePosition(
  db: Db,
  deviceId: string,
  at: number,
  latitude: number,
  longitude = -79.99,
  status = "recording",
) {
  await db.insert(devicePositions).values({
    deviceId,
    serial: `X${deviceId}`,
    officerName: `Officer ${deviceId}`,
    badge: deviceId.toUpperCase(),
    status,
    latitude,
    longitude,
    accuracyM: 5,
    at,
  });
}
