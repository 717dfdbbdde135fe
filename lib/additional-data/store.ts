import "server-only";
/**
 * Keeping each tracked call's additional data: the tracker (one instance per cluster) asks RAD-E
 * once the call is known, again every few seconds until there is some, then now and then for
 * changes; consoles only ever read what is stored here.
 */
import { eq, sql } from "drizzle-orm";
import type { Secret } from "@/lib/config/secret";
import type { Db } from "@/lib/db/client";
import { additionalData, calls } from "@/lib/db/schema";
import { log } from "@/lib/server/log";
import type { AdditionalDataFetch, AdditionalDataQuery } from "./client";
import { reshapeAdditionalData } from "./reshape";
import type { AdditionalDataResponse } from "./types";

/** Ask again this soon while RAD-E has nothing for the call (a device may send it a moment later). */
export const RECHECK_NONE_MS = 6_000;
/** …and this often once it has, for updates (a later trigger may change it). */
export const RECHECK_PRESENT_MS = 30_000;

/** Key order does not survive jsonb: compare documents by a canonical form. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

export interface RefreshInput {
  callId: string;
  phone: string;
  token?: Pick<AdditionalDataQuery, "accessToken" | "onAccessTokenRefused">;
  now?: Date;
}

/** Ask RAD-E for the call when due; true when a new or changed document was stored. */
export async function refreshAdditionalData(db: Db, fetch: AdditionalDataFetch, input: RefreshInput): Promise<boolean> {
  const now = input.now ?? new Date();
  const [row] = await db.select().from(additionalData).where(eq(additionalData.callId, input.callId)).limit(1);
  if (row) {
    const due = row.document === null ? RECHECK_NONE_MS : RECHECK_PRESENT_MS;
    if (now.getTime() - row.checkedAt.getTime() < due) return false;
  }
  let doc: unknown;
  try {
    doc = await fetch({ phone: input.phone, ...input.token });
  } catch (err) {
    log().warn({ upstream: "rapidsos", err: err instanceof Error ? err.message : String(err) }, "RAD-E additional data fetch failed");
    doc = undefined;
  }
  const changed = doc !== undefined && doc !== null && (!row || row.document === null || canonical(row.document) !== canonical(doc));
  await db
    .insert(additionalData)
    .values({ callId: input.callId, phone: input.phone, checkedAt: now, ...(changed ? { document: doc, version: 1, receivedAt: now } : {}) })
    .onConflictDoUpdate({
      target: additionalData.callId,
      set: changed ? { checkedAt: now, document: doc, version: sql`${additionalData.version} + 1`, receivedAt: now } : { checkedAt: now },
    });
  return changed;
}

/** The call tracker's hook: after LEI answered for a caller, refresh that call's additional data. */
export function additionalDataAfterSync(fetch: () => AdditionalDataFetch) {
  return async (
    database: { db: Db },
    phone: string,
    result: { currentCallId: string | null },
    shared?: { accessToken: Secret },
  ): Promise<string[]> => {
    const callId = result.currentCallId;
    if (!callId) return [];
    // A share's token may be good for LEI and not for RAD-E: a refusal here falls back to our own
    // credentials for this request only, and must not stop the tracker offering it to LEI.
    const token = shared && { accessToken: shared.accessToken };
    return (await refreshAdditionalData(database.db, fetch(), { callId, phone, token })) ? [callId] : [];
  };
}

/** The stored version of a call's data, for the consoles' ETag (0 when nothing is stored). */
export async function additionalDataVersion(db: Db, callId: string): Promise<number> {
  const [row] = await db.select({ version: additionalData.version }).from(additionalData).where(eq(additionalData.callId, callId)).limit(1);
  return row?.version ?? 0;
}

/** What a console or the review page shows; null when there is no such call. */
export async function readAdditionalData(db: Db, callId: string, serverTime: number): Promise<(AdditionalDataResponse & { phone: string }) | null> {
  const [call] = await db.select({ phone: calls.phone }).from(calls).where(eq(calls.id, callId)).limit(1);
  if (!call) return null;
  const [row] = await db.select().from(additionalData).where(eq(additionalData.callId, callId)).limit(1);
  return {
    callId,
    phone: call.phone,
    data: row?.document == null ? null : reshapeAdditionalData(row.document),
    receivedAt: row?.receivedAt?.getTime() ?? null,
    checkedAt: row?.checkedAt.getTime() ?? null,
    serverTime,
  };
}
