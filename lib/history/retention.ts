/**
 * Retention: stored call and device history is kept for `RETENTION_DAYS` (default 90), then purged.
 * The audit trail is not purged here: it is append-only and outlives the data it describes.
 */
import "server-only";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { callerLocations, calls, datashareDeliveries, devicePositions } from "@/lib/db/schema";

export interface PurgeResult {
  callerLocations: number;
  calls: number;
  devicePositions: number;
  datashareDeliveries: number;
}

export async function purgeHistory(db: Db, retentionDays: number, now = Date.now()): Promise<PurgeResult> {
  const cutoff = new Date(now - retentionDays * 86_400_000);
  return db.transaction(async (tx) => {
    const locs = await tx
      .delete(callerLocations)
      .where(lt(callerLocations.receivedAt, cutoff))
      .returning({ id: callerLocations.id });
    const shares = await tx
      .delete(datashareDeliveries)
      .where(lt(datashareDeliveries.receivedAt, cutoff))
      .returning({ id: datashareDeliveries.id });
    // A call goes once its last sign of life is before the cutoff (its locations cascade with it).
    const oldCalls = await tx
      .delete(calls)
      .where(lt(sql`coalesce(${calls.endedAt}, ${calls.lastPolledAt}, ${calls.firstSeenAt})`, cutoff))
      .returning({ id: calls.id });
    const devs = await tx
      .delete(devicePositions)
      .where(lt(devicePositions.receivedAt, cutoff))
      .returning({ id: devicePositions.id });
    return {
      callerLocations: locs.length,
      calls: oldCalls.length,
      devicePositions: devs.length,
      datashareDeliveries: shares.length,
    };
  });
}
