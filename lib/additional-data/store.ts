import "server-only";
/**
 * Keeping each tracked call's and each open alert's additional data: the call tracker and the
 * alerts runner (one instance per cluster each) ask RAD-E once the call or alert is known, again
 * every few seconds until there is some, then now and then for changes; consoles only ever read
 * what is stored here.
 */
import { and, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { Secret } from "@/lib/config/secret";
import { OPEN_ALERT_STATUSES } from "@/lib/alerts/store";
import type { Db } from "@/lib/db/client";
import { additionalData, alertAdditionalData, alerts, calls } from "@/lib/db/schema";
import { log } from "@/lib/server/log";
import type { AdditionalDataFetch, AdditionalDataQuery } from "./client";
import { reshapeAdditionalData } from "./reshape";
import type { AdditionalDataResponse, AlertAdditionalDataResponse } from "./types";

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

interface StoredRow {
  document: unknown;
  checkedAt: Date;
}

/** Whether a stored row is due another question to RAD-E (no row yet: at once). */
const isDue = (row: StoredRow | undefined, now: Date) =>
  !row || now.getTime() - row.checkedAt.getTime() >= (row.document === null ? RECHECK_NONE_MS : RECHECK_PRESENT_MS);

/** A call's or an alert's stored document: the same columns, keyed by the call or the alert. */
type Slot =
  | { table: typeof additionalData; key: typeof additionalData.callId; values: { callId: string; phone: string } }
  | { table: typeof alertAdditionalData; key: typeof alertAdditionalData.alertId; values: { alertId: string } };

/**
 * Ask RAD-E when due — again soon while it has nothing, now and then once it has — and store a new
 * or changed document with a new version; a failed or empty answer only notes when we asked, so
 * the last document stays. True when a new or changed document was stored.
 */
async function refreshSlot(
  db: Db,
  slot: Slot,
  now: Date,
  ask: () => Promise<unknown>,
  /** What is stored for it now (undefined: nothing yet). */
  row: StoredRow | undefined,
): Promise<boolean> {
  // One shape of table at a time for Drizzle's types; both have the same columns besides the key.
  const table = slot.table as typeof additionalData;
  const key = slot.key as typeof additionalData.callId;
  if (!isDue(row, now)) return false;
  let doc: unknown;
  try {
    doc = await ask();
  } catch (err) {
    log().warn({ upstream: "rapidsos", err: err instanceof Error ? err.message : String(err) }, "RAD-E additional data fetch failed");
    doc = undefined;
  }
  const changed = doc !== undefined && doc !== null && (!row || row.document === null || canonical(row.document) !== canonical(doc));
  await db
    .insert(table)
    .values({ ...(slot.values as { callId: string; phone: string }), checkedAt: now, ...(changed ? { document: doc, version: 1, receivedAt: now } : {}) })
    .onConflictDoUpdate({
      target: key,
      set: changed ? { checkedAt: now, document: doc, version: sql`${table.version} + 1`, receivedAt: now } : { checkedAt: now },
    });
  return changed;
}

/** Ask RAD-E for the call when due; true when a new or changed document was stored. */
export async function refreshAdditionalData(db: Db, fetch: AdditionalDataFetch, input: RefreshInput): Promise<boolean> {
  const slot: Slot = { table: additionalData, key: additionalData.callId, values: { callId: input.callId, phone: input.phone } };
  const [row] = await db
    .select({ document: additionalData.document, checkedAt: additionalData.checkedAt })
    .from(additionalData)
    .where(eq(additionalData.callId, input.callId))
    .limit(1);
  return refreshSlot(db, slot, input.now ?? new Date(), () => fetch({ phone: input.phone, ...input.token }), row);
}

/**
 * Ask RAD-E, by `alert_id`, for each alert created since `since` whose data is due: the open ones
 * (RapidSOS provisions the data when the alert is created, and a later trigger may change it), and
 * once any alert never asked about, even one that closed before the runner's first look (declined
 * at once, cancelled), so review still has its data. One query finds them all with their stored
 * rows, so a runner can call this every second. Returns the alerts whose data is new.
 */
export async function refreshAlertsAdditionalData(db: Db, fetch: AdditionalDataFetch, since: number, now = new Date()): Promise<string[]> {
  const t = alertAdditionalData;
  const rows = await db
    .select({ alertId: alerts.id, document: t.document, checkedAt: t.checkedAt })
    .from(alerts)
    .leftJoin(t, eq(t.alertId, alerts.id))
    .where(and(gte(alerts.createdTime, since), or(inArray(alerts.status, OPEN_ALERT_STATUSES), isNull(t.alertId))));
  const changed: string[] = [];
  for (const { alertId, document, checkedAt } of rows) {
    const slot: Slot = { table: t, key: t.alertId, values: { alertId } };
    const stored = checkedAt === null ? undefined : { document, checkedAt };
    if (await refreshSlot(db, slot, now, () => fetch({ alertId }), stored)) changed.push(alertId);
  }
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

/** A stored row (or none yet) as the browser gets it, the document validated as it is read. */
function shown(row: { document: unknown; receivedAt: Date | null; checkedAt: Date; version: number } | undefined, serverTime: number) {
  return {
    data: row?.document == null ? null : reshapeAdditionalData(row.document),
    receivedAt: row?.receivedAt?.getTime() ?? null,
    checkedAt: row?.checkedAt.getTime() ?? null,
    version: row?.version ?? 0,
    serverTime,
  };
}

/** What a console or the review page shows; null when there is no such call. */
export async function readAdditionalData(db: Db, callId: string, serverTime: number): Promise<(AdditionalDataResponse & { phone: string }) | null> {
  const [call] = await db.select({ phone: calls.phone }).from(calls).where(eq(calls.id, callId)).limit(1);
  if (!call) return null;
  const [row] = await db.select().from(additionalData).where(eq(additionalData.callId, callId)).limit(1);
  return { callId, phone: call.phone, ...shown(row, serverTime) };
}

/** The stored version of an alert's data, for the consoles' ETag (0 when nothing is stored). */
export async function alertAdditionalDataVersion(db: Db, alertId: string): Promise<number> {
  const [row] = await db.select({ version: alertAdditionalData.version }).from(alertAdditionalData).where(eq(alertAdditionalData.alertId, alertId)).limit(1);
  return row?.version ?? 0;
}

/** What a console or the alert review shows; null when there is no such alert. */
export async function readAlertAdditionalData(db: Db, alertId: string, serverTime: number): Promise<AlertAdditionalDataResponse | null> {
  const [alert] = await db.select({ id: alerts.id }).from(alerts).where(eq(alerts.id, alertId)).limit(1);
  if (!alert) return null;
  const [row] = await db.select().from(alertAdditionalData).where(eq(alertAdditionalData.alertId, alertId)).limit(1);
  return { alertId, ...shown(row, serverTime) };
}
