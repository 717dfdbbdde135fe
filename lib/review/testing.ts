/** Test helpers for review: stored calls, deliveries and device trails. Not used by the app. */
import type { Db } from "@/lib/db/client";
import { datashareDeliveries, devicePositions } from "@/lib/db/schema";
import { storeCallerLocations } from "@/lib/history/caller-locations";
import type { CallerLocation } from "@/lib/rapidsos/types";
import { callerLocation } from "@/testing/fixtures";

export { T0, callerLocation as location } from "@/testing/fixtures";

/** Store `count` locations of one call; returns its id. */
export async function storeCall(
  db: Db,
  phone: string,
  count: number,
  over: (i: number) => Partial<CallerLocation> = () => ({}),
): Promise<string> {
  const stored = await storeCallerLocations(
    db,
    Array.from({ length: count }, (_, i) => callerLocation(phone, i, over(i))),
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
