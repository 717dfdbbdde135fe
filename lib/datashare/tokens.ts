import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Secret } from "@/lib/config/secret";
import type { Db } from "@/lib/db/client";
import { calls, datashareDeliveries } from "@/lib/db/schema";
import { dataSealKey, type SealKey } from "./seal";

/**
 * The LEI token that the newest Data Share delivery for this number's active shared call carried,
 * unsealed; undefined when there is none or it cannot be unsealed (sealed under another key), in
 * which case the tracker uses our own credentials.
 */
export async function sharedLeiToken(
  db: Db,
  phone: string,
  key: SealKey = dataSealKey(),
): Promise<Secret | undefined> {
  const [row] = await db
    .select({ sealed: datashareDeliveries.accessTokenSealed })
    .from(datashareDeliveries)
    .innerJoin(calls, eq(calls.id, datashareDeliveries.callId))
    .where(
      and(
        eq(calls.phone, phone),
        eq(calls.status, "active"),
        eq(calls.shared, true),
        isNotNull(datashareDeliveries.accessTokenSealed),
      ),
    )
    .orderBy(desc(datashareDeliveries.receivedAt), desc(datashareDeliveries.id))
    .limit(1);
  if (!row?.sealed) return undefined;
  return key.unseal(row.sealed) ?? undefined;
}
