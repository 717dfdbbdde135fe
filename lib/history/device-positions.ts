/**
 * Body-camera trails: a position is stored when a device reports from somewhere new. A docked device
 * answering the same position every poll adds nothing.
 */
import "server-only";
import distance from "@turf/distance";
import { desc } from "drizzle-orm";
import type { Device } from "@/lib/axon/types";
import { getDb, type Db } from "@/lib/db/client";
import { devicePositions } from "@/lib/db/schema";
import { log } from "@/lib/server/log";
import { singleton } from "@/lib/server/singleton";

/** Below this a new report is the same place (GPS noise), not a move. */
export const MIN_MOVE_M = 1;

interface LastPosition {
  latitude: number;
  longitude: number;
  at: number;
}

/**
 * Remembers the last stored position per device so the common case (nothing moved) costs no query.
 * One per database; seeded from the table on first use so a restart does not store everything again.
 */
export class DeviceTrailRecorder {
  #last: Map<string, LastPosition> | null = null;

  constructor(private readonly db: Db) {}

  async record(devices: Device[]): Promise<number> {
    const last = await this.#load();
    const moved = devices.filter((d) => {
      if (!d.location) return false;
      const prev = last.get(d.id);
      if (!prev) return true;
      if (d.location.at <= prev.at) return false;
      const metres =
        distance([prev.longitude, prev.latitude], [d.location.longitude, d.location.latitude], {
          units: "kilometers",
        }) * 1000;
      return metres >= MIN_MOVE_M;
    });
    if (moved.length === 0) return 0;
    const rows = await this.db
      .insert(devicePositions)
      .values(
        moved.map((d) => ({
          deviceId: d.id,
          serial: d.serial,
          officerName: d.officer?.name ?? null,
          badge: d.officer?.badge ?? null,
          status: d.status,
          latitude: d.location!.latitude,
          longitude: d.location!.longitude,
          accuracyM: d.location!.accuracyM,
          at: d.location!.at,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: devicePositions.id });
    for (const d of moved) {
      last.set(d.id, {
        latitude: d.location!.latitude,
        longitude: d.location!.longitude,
        at: d.location!.at,
      });
    }
    return rows.length;
  }

  async #load(): Promise<Map<string, LastPosition>> {
    if (this.#last) return this.#last;
    const rows = await this.db
      .selectDistinctOn([devicePositions.deviceId], {
        deviceId: devicePositions.deviceId,
        latitude: devicePositions.latitude,
        longitude: devicePositions.longitude,
        at: devicePositions.at,
      })
      .from(devicePositions)
      .orderBy(devicePositions.deviceId, desc(devicePositions.at));
    this.#last = new Map(rows.map(({ deviceId, ...last }) => [deviceId, last]));
    return this.#last;
  }
}

/** The process's recorder for the app database (its memory of last positions is per process). */
export async function recordDeviceTrails(devices: Device[]): Promise<void> {
  const db = await getDb();
  const recorder = singleton("device-trail-recorder", () => new DeviceTrailRecorder(db));
  try {
    await recorder.record(devices);
  } catch (err) {
    log().warn({ err }, "device trail not stored");
  }
}
