import "server-only";
/**
 * One message from the events socket → our store. The envelope is `{event, body, timestamp}` as
 * documented or `{event_type, …}` as captured; a message older than five minutes is refused (the
 * documented replay protection); an unknown event type or a malformed body is dropped with a reason,
 * and nothing stored is touched.
 */
import type { Db } from "@/lib/db/client";
import { reshapeAlert, reshapeLocation, type LogMessage } from "./reshape";
import { applyDisposition, applyLocation, applyLog, applyStatus, upsertAlert } from "./store";
import { envelopeSchema, locationUpdateSchema, updateSchema } from "./wire";

export const MAX_EVENT_AGE_MS = 5 * 60_000;
/** A clock ahead of ours by more than this is as suspect as a stale one. */
const MAX_FUTURE_MS = 60_000;

export type EventOutcome =
  | { kind: "applied"; type: string; alertId: string; changed: boolean; warnings: string[] }
  | { kind: "dropped"; reason: string; type?: string; alertId?: string }
  /** The event is about an alert we do not have: the caller fetches it, then applies again. */
  | { kind: "unknown-alert"; type: string; alertId: string };

export function parseEnvelope(text: string, now: number): { ok: true; type: string; body: Record<string, unknown>; timestamp: number } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  const e = envelopeSchema.safeParse(raw);
  if (!e.success) return { ok: false, reason: `malformed envelope (${e.error.issues.map((i) => i.path.join(".") || i.message).slice(0, 3).join(", ")})` };
  const { type, body, timestamp } = e.data;
  if (timestamp === null) return { ok: false, reason: `${type} without a timestamp` };
  if (now - timestamp > MAX_EVENT_AGE_MS) return { ok: false, reason: `${type} is ${Math.round((now - timestamp) / 1000)} s old (limit 300 s): refused as a possible replay` };
  if (timestamp - now > MAX_FUTURE_MS) return { ok: false, reason: `${type} is stamped ${Math.round((timestamp - now) / 1000)} s in the future` };
  return { ok: true, type, body, timestamp };
}

export async function applyEvent(db: Db, type: string, body: Record<string, unknown>, timestamp: number): Promise<EventOutcome> {
  if (type === "alert.new") {
    const r = reshapeAlert(body);
    if (!r.ok) return { kind: "dropped", type, reason: r.reason };
    return { kind: "applied", type, alertId: r.value.id, changed: await upsertAlert(db, r.value), warnings: r.warnings };
  }
  if (type === "alert.location_update") {
    const u = locationUpdateSchema.safeParse(body);
    if (!u.success) return { kind: "dropped", type, reason: "location update without alert_id" };
    const warnings: string[] = [];
    const loc = reshapeLocation(body, u.data.created_at ?? timestamp, warnings);
    if (!loc) return { kind: "dropped", type, alertId: u.data.alert_id, reason: `location update with no usable location${warnings.length ? ` (${warnings.join("; ")})` : ""}` };
    const changed = await applyLocation(db, u.data.alert_id, loc);
    return changed === null ? { kind: "unknown-alert", type, alertId: u.data.alert_id } : { kind: "applied", type, alertId: u.data.alert_id, changed, warnings };
  }
  if (!["alert.status_update", "alert.disposition_update", "alert.chat", "alert.milestone", "alert.multi_trip_signal"].includes(type)) {
    return { kind: "dropped", type, reason: `unknown event type ${JSON.stringify(type.slice(0, 60))}` };
  }
  const u = updateSchema.safeParse(body);
  if (!u.success) return { kind: "dropped", type, reason: `malformed ${type} body` };
  const b = u.data;
  const at = b.created_at ?? b.message_time ?? timestamp;
  const by = b.entity_display_name ?? b.sender;
  let changed: boolean | null;
  if (type === "alert.status_update") {
    if (!b.status?.name) return { kind: "dropped", type, alertId: b.alert_id, reason: "status update without a status name" };
    changed = await applyStatus(db, b.alert_id, { name: b.status.name, displayName: b.status.display_name ?? b.status.name }, at, by, b.status.sla_expiration_time);
  } else if (type === "alert.disposition_update") {
    if (!b.disposition?.name) return { kind: "dropped", type, alertId: b.alert_id, reason: "disposition update without a disposition name" };
    changed = await applyDisposition(db, b.alert_id, { name: b.disposition.name, displayName: b.disposition.display_name ?? b.disposition.name }, at, by);
  } else {
    if (b.message === null) return { kind: "dropped", type, alertId: b.alert_id, reason: `${type} without a message` };
    const messageType = type === "alert.chat" ? "CHAT_MESSAGE" : type === "alert.milestone" ? "MILESTONE" : "MULTI_TRIP_SIGNAL";
    const m: LogMessage = { type: messageType, message: b.message, sender: b.sender, entity: b.entity_display_name, at };
    changed = await applyLog(db, b.alert_id, m);
  }
  return changed === null ? { kind: "unknown-alert", type, alertId: b.alert_id } : { kind: "applied", type, alertId: b.alert_id, changed, warnings: [] };
}
