/**
 * An accepted delivery, stored in one transaction with its audit row: the delivery itself (once per
 * raw body, so RapidSOS retrying the same request changes nothing), and the call it shares — the
 * number's active call if there is one (shared from now on), else a new call that LEI's first record
 * will claim.
 */
import "server-only";
import { and, desc, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { recordAudit, type AuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { calls, datashareDeliveries } from "@/lib/db/schema";
import type { DeliveryPayload } from "./payload";

/** Namespace of the per-number transaction lock (two-key advisory locks never meet tryLead's). */
const LOCK_CLASS = 0x44_53_48_52; // "DSHR"

export type ShareKind =
  /** No active call for the number: a new shared call, waiting for LEI's first record. */
  | "created"
  /** The number's active call (someone had looked it up) is now shared to the center. */
  | "shared"
  /** Another delivery for a call already shared: attached to it. */
  | "attached";

export type StoredDelivery =
  | { status: "accepted"; deliveryId: string; callId: string; phone: string; share: ShareKind }
  | { status: "replay"; deliveryId: string; callId: string | null; phone: string };

export interface DeliveryRecord {
  payload: DeliveryPayload;
  bodySha256: string;
  accessTokenSealed: string;
  receivedAt?: Date;
}

/**
 * Store the delivery and share its call; `audit(stored)` gives the audit row, written in the same
 * transaction so "accepted" and "audited" cannot disagree.
 */
export async function storeDelivery(
  db: Db,
  record: DeliveryRecord,
  audit: (stored: StoredDelivery) => AuditEvent,
): Promise<StoredDelivery> {
  const { payload } = record;
  return db.transaction(async (tx) => {
    // Two deliveries for one number at once must not create two calls.
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${payload.phone}))`);
    const [inserted] = await tx
      .insert(datashareDeliveries)
      .values({
        bodySha256: record.bodySha256,
        receivedAt: record.receivedAt ?? new Date(),
        phone: payload.phone,
        incidentLatitude: payload.incident?.latitude ?? null,
        incidentLongitude: payload.incident?.longitude ?? null,
        eccAccountId: payload.eccAccountId,
        bbox: payload.bbox,
        accessTokenSealed: record.accessTokenSealed,
      })
      .onConflictDoNothing({ target: datashareDeliveries.bodySha256 })
      .returning({ id: datashareDeliveries.id });

    let stored: StoredDelivery;
    if (!inserted) {
      const [first] = await tx
        .select({ id: datashareDeliveries.id, callId: datashareDeliveries.callId })
        .from(datashareDeliveries)
        .where(eq(datashareDeliveries.bodySha256, record.bodySha256))
        .limit(1);
      if (!first) throw new Error("a delivery conflicted on its body digest but cannot be read back");
      stored = { status: "replay", deliveryId: first.id, callId: first.callId, phone: payload.phone };
    } else {
      const { callId, share } = await shareCall(tx, payload.phone);
      await tx.update(datashareDeliveries).set({ callId }).where(eq(datashareDeliveries.id, inserted.id));
      stored = { status: "accepted", deliveryId: inserted.id, callId, phone: payload.phone, share };
    }
    await recordAudit(audit(stored), tx);
    return stored;
  });
}

async function shareCall(db: Db, phone: string): Promise<{ callId: string; share: ShareKind }> {
  // A number can have two active calls for a moment (a call back before LEI shows the first ended):
  // a shared one wins, then the newest.
  const [active] = await db
    .select({ id: calls.id, shared: calls.shared })
    .from(calls)
    .where(and(eq(calls.phone, phone), eq(calls.status, "active")))
    .orderBy(desc(calls.shared), desc(calls.firstSeenAt))
    .limit(1);
  if (active?.shared) return { callId: active.id, share: "attached" };
  if (active) {
    await db.update(calls).set({ shared: true }).where(eq(calls.id, active.id));
    return { callId: active.id, share: "shared" };
  }
  const [created] = await db.insert(calls).values({ phone, shared: true }).returning({ id: calls.id });
  if (!created) throw new Error("the shared call was not created");
  return { callId: created.id, share: "created" };
}

/** RapidSOS tokens live an hour (RapidSOS OAuth: expires_in 3600); a day is well past any use. */
export const SPENT_TOKEN_AGE_MS = 24 * 3_600_000;

/**
 * Drop sealed tokens nobody will use again: those of ended calls, and any past their lifetime.
 * The delivery itself stays for review; only the token goes.
 */
export async function forgetSpentTokens(db: Db, now = new Date()): Promise<number> {
  const ended = db.select({ id: calls.id }).from(calls).where(eq(calls.status, "ended"));
  const rows = await db
    .update(datashareDeliveries)
    .set({ accessTokenSealed: null })
    .where(
      and(
        isNotNull(datashareDeliveries.accessTokenSealed),
        or(
          lt(datashareDeliveries.receivedAt, new Date(now.getTime() - SPENT_TOKEN_AGE_MS)),
          inArray(datashareDeliveries.callId, ended),
        ),
      ),
    )
    .returning({ id: datashareDeliveries.id });
  return rows.length;
}
