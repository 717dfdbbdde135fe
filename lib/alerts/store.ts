import "server-only";
/**
 * Alerts and their timelines in our database. Every upstream fact is written with a key, so the same
 * fact delivered twice (a socket replay, a catch-up overlapping an event) lands once. Each function
 * answers whether anything changed, so the runner nudges consoles only when there is news.
 */
import { createHash } from "node:crypto";
import { and, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertEvents, alertSync, alerts } from "@/lib/db/schema";
import type { LogMessage } from "./reshape";
import type { Alert, AlertLocation, Named, TimelineKind } from "./types";

const digest = (s: string) => createHash("sha256").update(s).digest("base64url").slice(0, 22);

export interface Fact {
  kind: TimelineKind;
  at: number;
  key: string;
  data: Record<string, unknown>;
  actor?: { id: string; email: string } | null;
}

async function addFact(db: Db, alertId: string, f: Fact): Promise<boolean> {
  const rows = await db
    .insert(alertEvents)
    .values({ alertId, key: f.key, kind: f.kind, at: f.at, data: f.data, actorId: f.actor?.id ?? null, actorEmail: f.actor?.email ?? null })
    .onConflictDoNothing({ target: alertEvents.key })
    .returning({ id: alertEvents.id });
  return rows.length > 0;
}

function locationKey(id: string, l: AlertLocation): string {
  return `loc:${id}:${l.at ?? 0}:${l.point ? `${l.point.lat},${l.point.lon}` : digest(JSON.stringify(l.civic))}`;
}

/** A full snapshot (alert.new, the list, GET): insert or replace, and record what it tells us. */
export async function upsertAlert(db: Db, alert: Alert, logs: LogMessage[] = []): Promise<boolean> {
  const first: Alert = { ...alert, history: mergeHistory([], alert.history) };
  const inserted = await db
    .insert(alerts)
    .values({ id: first.id, createdTime: first.createdTime, status: first.status.name, disposition: first.disposition?.name ?? null, slaExpirationTime: first.slaExpirationTime, alert: first })
    .onConflictDoNothing({ target: alerts.id })
    .returning({ id: alerts.id });
  const isNew = inserted.length > 0;
  let changed = isNew;
  if (!isNew) {
    const result = await modify(db, alert.id, (before) => {
      // Our consoles' own outcomes may be ahead of a stale snapshot; keep the newer one by last_updated_time.
      const stale = (before.lastUpdatedTime ?? 0) > (alert.lastUpdatedTime ?? 0);
      const next: Alert = stale
        ? { ...before, history: mergeHistory(before.history, alert.history) }
        : { ...alert, history: mergeHistory(before.history, alert.history) };
      return JSON.stringify(before) !== JSON.stringify(next) ? next : null;
    });
    changed = result?.after != null;
  }
  const at = alert.lastUpdatedTime ?? alert.createdTime;
  if (isNew) changed = (await addFact(db, alert.id, { kind: "system", at: alert.createdTime, key: `new:${alert.id}`, data: { text: `Alert received: ${alert.emergencyType.displayName}` } })) || changed;
  changed = (await statusFact(db, alert.id, alert.status, at, null)) || changed;
  if (alert.disposition) changed = (await dispositionFact(db, alert.id, alert.disposition, at, null)) || changed;
  for (const l of alert.history) changed = (await addFact(db, alert.id, { kind: "location", at: l.at ?? at, key: locationKey(alert.id, l), data: { location: l } })) || changed;
  for (const m of logs) changed = (await logFact(db, alert.id, m)) || changed;
  return changed;
}

function mergeHistory(a: AlertLocation[], b: AlertLocation[]): AlertLocation[] {
  const seen = new Map<string, AlertLocation>();
  for (const l of [...a, ...b]) seen.set(locationKey("", l), l);
  return [...seen.values()].sort((x, y) => (x.at ?? 0) - (y.at ?? 0));
}

function statusFact(db: Db, id: string, status: Named, at: number, by: string | null): Promise<boolean> {
  return addFact(db, id, { kind: "status", at, key: `status:${id}:${status.name}`, data: { status, by } });
}

function dispositionFact(db: Db, id: string, disposition: Named, at: number, by: string | null): Promise<boolean> {
  return addFact(db, id, { kind: "disposition", at, key: `disp:${id}:${disposition.name}`, data: { disposition, by } });
}

function logFact(db: Db, id: string, m: LogMessage): Promise<boolean> {
  const kind: TimelineKind = m.type === "CHAT_MESSAGE" ? "chat" : m.type === "MILESTONE" ? "milestone" : m.type === "MULTI_TRIP_SIGNAL" ? "multi_trip" : "system";
  return addFact(db, id, { kind, at: m.at, key: `log:${id}:${m.type}:${m.at}:${digest(m.message)}`, data: { message: m.message, sender: m.sender, entity: m.entity } });
}

async function current(db: Db, id: string): Promise<Alert | null> {
  const [row] = await db.select({ alert: alerts.alert }).from(alerts).where(eq(alerts.id, id));
  return row?.alert ?? null;
}

/**
 * Read an alert, change it, and write it back only if nobody wrote it in between; otherwise read it
 * again and redo the change. A console's answer (applyOurChange) and the runner's events and
 * catch-ups write the same row at the same time: a plain read-then-write let a snapshot read just
 * before an accept overwrite it, and the alert showed as waiting although RapidSOS had it accepted.
 * `change` returns null to write nothing. Null when there is no such alert.
 */
async function modify(db: Db, id: string, change: (a: Alert) => Alert | null): Promise<{ before: Alert; after: Alert | null } | null> {
  for (let attempt = 1; ; attempt++) {
    const a = await current(db, id);
    if (!a) return null;
    const next = change(a);
    if (!next) return { before: a, after: null };
    const written = await db
      .update(alerts)
      .set({ status: next.status.name, disposition: next.disposition?.name ?? null, slaExpirationTime: next.slaExpirationTime, alert: next, updatedAt: new Date() })
      .where(and(eq(alerts.id, id), sql`${alerts.alert} = ${JSON.stringify(a)}::jsonb`))
      .returning({ id: alerts.id });
    if (written.length > 0) return { before: a, after: next };
    if (attempt >= 50) throw new Error(`alert ${id}: written by others ${attempt} times while changing it`);
  }
}

/** Null when we do not have the alert (the caller fetches it first). */
export async function applyStatus(db: Db, id: string, status: Named, at: number, by: string | null, sla: number | null): Promise<boolean | null> {
  const result = await modify(db, id, (a) =>
    (a.lastUpdatedTime ?? 0) <= at && a.status.name !== status.name ? { ...a, status, lastUpdatedTime: at, slaExpirationTime: sla ?? a.slaExpirationTime } : null,
  );
  if (!result) return null;
  const fresh = await statusFact(db, id, status, at, by);
  return result.after ? true : fresh;
}

export async function applyDisposition(db: Db, id: string, disposition: Named, at: number, by: string | null): Promise<boolean | null> {
  const result = await modify(db, id, (a) => ((a.lastUpdatedTime ?? 0) <= at && a.disposition?.name !== disposition.name ? { ...a, disposition, lastUpdatedTime: at } : null));
  if (!result) return null;
  const fresh = await dispositionFact(db, id, disposition, at, by);
  return result.after ? true : fresh;
}

export async function applyLocation(db: Db, id: string, l: AlertLocation): Promise<boolean | null> {
  if (!(await current(db, id))) return null;
  const fresh = await addFact(db, id, { kind: "location", at: l.at ?? Date.now(), key: locationKey(id, l), data: { location: l } });
  if (!fresh) return false;
  await modify(db, id, (a) => ({ ...a, location: (a.location.at ?? 0) <= (l.at ?? 0) ? l : a.location, history: mergeHistory(a.history, [l]) }));
  return true;
}

export async function applyLog(db: Db, id: string, m: LogMessage): Promise<boolean | null> {
  if (!(await current(db, id))) return null;
  return logFact(db, id, m);
}

/** One of our consoles acted (accepted, declined, set a disposition, chatted, or was refused). */
export async function recordAction(db: Db, id: string, actor: { id: string; email: string }, at: number, data: Record<string, unknown>): Promise<void> {
  await addFact(db, id, { kind: "action", at, key: `action:${id}:${crypto.randomUUID()}`, data, actor });
}

/** Our outcome, written at once so every console sees it before the socket's echo arrives. */
export async function applyOurChange(db: Db, id: string, change: { status?: Named; disposition?: Named; declineReason?: string }, at: number): Promise<void> {
  const result = await modify(db, id, (a) => ({
    ...a,
    status: change.status ?? a.status,
    disposition: change.disposition ?? a.disposition,
    declineReason: change.declineReason ?? a.declineReason,
    lastUpdatedTime: Math.max(a.lastUpdatedTime ?? 0, at),
  }));
  if (!result) return;
  if (change.status) await statusFact(db, id, change.status, at, null);
  if (change.disposition) await dispositionFact(db, id, change.disposition, at, null);
}

export async function getCursor(db: Db): Promise<number | null> {
  const [row] = await db.select({ cursor: alertSync.cursor }).from(alertSync).where(eq(alertSync.name, "alerts"));
  return row?.cursor ?? null;
}

export async function setCursor(db: Db, cursor: number): Promise<void> {
  await db
    .insert(alertSync)
    .values({ name: "alerts", cursor })
    .onConflictDoUpdate({ target: alertSync.name, set: { cursor: sql`greatest(${alertSync.cursor}, ${cursor})`, updatedAt: new Date() } });
}

/** The statuses of an alert still open upstream: waiting for an answer, or accepted and being worked. */
export const OPEN_ALERT_STATUSES = ["NEW", "DISPATCH_REQUESTED", "ACCEPTED"];

/** Alerts still open upstream (for the catch-up's per-alert refresh). */
export async function openAlertIds(db: Db, since: number): Promise<string[]> {
  const rows = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(gte(alerts.createdTime, since), inArray(alerts.status, OPEN_ALERT_STATUSES)));
  return rows.map((r) => r.id);
}

export async function recentAlerts(db: Db, since: number, limit = 100) {
  return db
    .select({ alert: alerts.alert })
    .from(alerts)
    .where(or(gte(alerts.createdTime, since), inArray(alerts.status, ["NEW", "DISPATCH_REQUESTED"])))
    .orderBy(desc(alerts.createdTime))
    .limit(limit);
}

export async function timelineOf(db: Db, id: string) {
  return db.select().from(alertEvents).where(eq(alertEvents.alertId, id)).orderBy(alertEvents.at, alertEvents.id);
}

/** Decisions (accept/decline) our consoles made, per alert. */
export async function decisions(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ alertId: alertEvents.alertId, at: alertEvents.at, actorEmail: alertEvents.actorEmail, data: alertEvents.data })
    .from(alertEvents)
    .where(and(inArray(alertEvents.alertId, ids), eq(alertEvents.kind, "action"), sql`${alertEvents.data}->>'outcome' = 'ok'`, sql`${alertEvents.data}->>'action' in ('accept','decline')`))
    .orderBy(alertEvents.at);
}

export async function getAlert(db: Db, id: string): Promise<Alert | null> {
  return current(db, id);
}

/** Retention: alerts created before `before` (UNIX ms) go, with their timelines. */
export async function purgeAlerts(db: Db, before: number): Promise<number> {
  const rows = await db.delete(alerts).where(lt(alerts.createdTime, before)).returning({ id: alerts.id });
  return rows.length;
}
