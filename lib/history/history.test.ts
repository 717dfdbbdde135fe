import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { callerLocations, calls, devicePositions } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { bodyCamera, callerLocation, T0 } from "@/testing/fixtures";
import { callTrail, storeCallerLocations } from "./caller-locations";
import { DeviceTrailRecorder } from "./device-positions";
import { purgeHistory } from "./retention";

/** A camera reporting from (lat, -79.99) at `at`. */
const camera = (id: string, latitude: number, at: number) =>
  bodyCamera(id, { location: { latitude, longitude: -79.99, accuracyM: 5, at }, updatedAt: at });

describe.each(backends)("history on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(devicePositions);
    await database.db.delete(calls);
  });

  it("stores each LEI record once, however often it is seen", async () => {
    const batch = [callerLocation("14125550101", 0), callerLocation("14125550101", 1)];
    const first = await storeCallerLocations(database.db, batch);
    const again = await storeCallerLocations(database.db, [...batch, callerLocation("14125550101", 2)]);
    expect(first.inserted).toBe(2);
    expect(again.inserted).toBe(1);
    const rows = await database.db.select().from(callerLocations);
    expect(rows).toHaveLength(3);
    const [call] = await database.db.select().from(calls);
    expect(call).toMatchObject({ locationCount: 3, callerName: "Jordan Caller", status: "active" });
    expect(await callTrail(database.db, call!.id)).toEqual([
      callerLocation("14125550101", 0),
      callerLocation("14125550101", 1),
      callerLocation("14125550101", 2),
    ]);
  });

  it("keeps separate calls from the same number apart by call start", async () => {
    await storeCallerLocations(database.db, [
      callerLocation("14125550102", 0),
      callerLocation("14125550102", 1, { callStartTime: T0 + 3_600_000, createdTime: T0 + 3_700_000 }),
    ]);
    const rows = await database.db.select().from(calls).where(eq(calls.phone, "14125550102"));
    expect(rows).toHaveLength(2);
  });

  it("lets the first record claim a call opened before LEI had anything", async () => {
    const [pending] = await database.db
      .insert(calls)
      .values({ phone: "14125550103", shared: true })
      .returning();
    const stored = await storeCallerLocations(database.db, [callerLocation("14125550103", 0)]);
    expect(stored.callIds).toEqual([pending!.id]);
    const [call] = await database.db.select().from(calls).where(eq(calls.id, pending!.id));
    expect(call?.callStartTime).toBe(T0 - 60_000);
  });

  it("stores a device position only when the device moved", async () => {
    const recorder = new DeviceTrailRecorder(database.db);
    expect(await recorder.record([camera("d1", 40.44, T0), camera("d2", 40.45, T0)])).toBe(2);
    // Same place, newer report: not a move.
    expect(await recorder.record([camera("d1", 40.44, T0 + 10_000)])).toBe(0);
    // Moved ~11 m.
    expect(await recorder.record([camera("d1", 40.4401, T0 + 20_000)])).toBe(1);
    // A fresh recorder (a restart) remembers from the table.
    expect(await new DeviceTrailRecorder(database.db).record([camera("d1", 40.4401, T0 + 30_000)])).toBe(0);
    expect(await database.db.select().from(devicePositions)).toHaveLength(3);
  });

  it("purges history older than the retention period and keeps the rest", async () => {
    await storeCallerLocations(database.db, [callerLocation("14125550104", 0)]);
    await new DeviceTrailRecorder(database.db).record([camera("d9", 40.44, T0)]);
    const now = Date.now();
    expect(await purgeHistory(database.db, 90, now)).toMatchObject({ callerLocations: 0, calls: 0 });
    const later = now + 91 * 86_400_000;
    expect(await purgeHistory(database.db, 90, later)).toMatchObject({
      callerLocations: 1,
      calls: 1,
      devicePositions: 1,
    });
    expect(await database.db.select().from(calls)).toHaveLength(0);
  });
});
