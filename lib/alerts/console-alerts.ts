import "server-only";
/**
 * What the console does with alerts: the queue, one alert with its timeline, and the decisions a
 * telecommunicator sends to RapidSOS (accept, decline with a reason, dispositions, chat). Our
 * outcome is stored and announced at once, so every console shows it before the socket's echo;
 * when RapidSOS refuses (another console was first, the SLA ran out) the answer says who acted.
 */
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";
import type { LiveBus } from "@/lib/live/bus";
import { dataNow } from "@/lib/server/clock";
import { HttpError, notFound, type RequestMeta } from "@/lib/server/http";
import { upstreamHealth } from "@/lib/upstream/health";
import type { AlertsClient } from "./client";
import { addressLine, reshapeAlert } from "./reshape";
import { applyOurChange, decisions, getAlert, recentAlerts, recordAction, timelineOf, upsertAlert } from "./store";
import type { Alert, AlertDetailResponse, AlertSummary, AlertsResponse, EccDisposition, Named, TimelineEntry } from "./types";

/** The queue shows the platform's 12 hours, plus anything still waiting for an answer. */
const QUEUE_WINDOW_MS = 12 * 3_600_000;

const DISPOSITION_LABEL: Record<EccDisposition, string> = {
  DISPATCHED: "Dispatched",
  ENROUTE: "En Route",
  ON_SCENE: "On Scene",
  PREEMPTED: "Preempted",
  CLEARED_NO_REPORT: "Cleared - No Report",
  CLEARED_WITH_REPORT: "Cleared - With Report",
  CLOSED: "Closed",
};

type Decided = AlertSummary["decidedBy"];

async function decidedMap(db: Db, ids: string[]): Promise<Map<string, Decided>> {
  const out = new Map<string, Decided>();
  for (const d of await decisions(db, ids)) {
    if (out.has(d.alertId)) continue; // the first decision wins; later ones were refused upstream
    out.set(d.alertId, { email: d.actorEmail ?? "unknown", at: d.at, action: d.data.action === "accept" ? "accepted" : "declined" });
  }
  return out;
}

export function summarize(a: Alert, decidedBy: Decided): AlertSummary {
  return {
    id: a.id,
    status: a.status,
    disposition: a.disposition,
    emergencyType: a.emergencyType,
    siteType: a.siteType,
    description: a.description,
    address: addressLine(a.location.civic),
    location: a.location,
    createdTime: a.createdTime,
    slaExpirationTime: a.slaExpirationTime,
    supplementalOnly: a.supplementalOnly,
    decidedBy,
  };
}

export async function listConsoleAlerts(db: Db, live: boolean): Promise<AlertsResponse> {
  const now = dataNow();
  const rows = await recentAlerts(db, now - QUEUE_WINDOW_MS);
  const decided = await decidedMap(db, rows.map((r) => r.alert.id));
  return {
    alerts: rows.map((r) => summarize(r.alert, decided.get(r.alert.id) ?? null)),
    serverTime: now,
    upstream: upstreamHealth().get("alerts"),
    live,
  };
}

export async function alertDetail(db: Db, id: string): Promise<AlertDetailResponse> {
  const alert = await getAlert(db, id);
  if (!alert) throw notFound("No such alert.");
  const rows = await timelineOf(db, id);
  const timeline: TimelineEntry[] = rows.map((r) => ({ kind: r.kind as TimelineEntry["kind"], at: r.at, text: describe(r.kind, r.data), who: r.actorEmail ?? (typeof r.data.by === "string" ? r.data.by : typeof r.data.sender === "string" ? `${r.data.sender}${typeof r.data.entity === "string" ? ` (${r.data.entity})` : ""}` : null), ours: r.actorEmail !== null }));
  // Our own chat comes back from RapidSOS as alert.chat: show it once, as ours (with who sent it).
  const ourChats = timeline.filter((t) => t.kind === "action" && t.ours && t.text.startsWith("chat "));
  const deduped = timeline.filter((t) => !(t.kind === "chat" && ourChats.some((o) => o.text === `chat ${t.text}` && Math.abs(o.at - t.at) < 60_000)));
  const decided = await decidedMap(db, [id]);
  return { alert, timeline: deduped, decidedBy: decided.get(id) ?? null, serverTime: dataNow() };
}

function describe(kind: string, d: Record<string, unknown>): string {
  const named = (v: unknown) => (v as Named | undefined)?.displayName ?? "?";
  switch (kind) {
    case "status":
      return `Status: ${named(d.status)}`;
    case "disposition":
      return `Disposition: ${named(d.disposition)}`;
    case "location": {
      const l = d.location as Alert["location"];
      if (l.point) return `Location ${l.point.lat.toFixed(5)}, ${l.point.lon.toFixed(5)} ${l.radiusM === null ? "(radius unknown)" : `±${Math.ceil(l.radiusM)} m`}`;
      return `Address: ${addressLine(l.civic) ?? "unknown"}`;
    }
    case "action":
      return `${String(d.action)}${d.value ? ` ${String(d.value)}` : ""}${d.reason ? `: ${String(d.reason)}` : ""}${d.outcome === "ok" ? "" : ` — refused: ${String(d.detail ?? d.outcome)}`}`;
    default:
      return typeof d.message === "string" ? d.message : typeof d.text === "string" ? d.text : kind;
  }
}

export type Decision = { action: "accept" } | { action: "decline"; reason: string };

interface ActDeps {
  db: Db;
  client: AlertsClient;
  bus: Pick<LiveBus, "publish">;
  user: SessionUser;
  meta: RequestMeta;
}

async function refuse(deps: ActDeps, id: string, what: Record<string, unknown>, status: number, detail: string): Promise<never> {
  const { db, client, user } = deps;
  // What RapidSOS holds now (another console may have answered first): store it, then say who.
  const raw = await client.get(id).catch(() => null);
  const fresh = raw ? reshapeAlert(raw) : null;
  if (fresh?.ok) await upsertAlert(db, fresh.value);
  await recordAction(db, id, user, dataNow(), { ...what, outcome: "refused", status, detail });
  await deps.bus.publish({ type: "alerts", id });
  const decided = (await decidedMap(db, [id])).get(id);
  const current = fresh?.ok ? fresh.value.status.displayName : null;
  const who = decided ? ` ${decided.action === "accepted" ? "Accepted" : "Declined"} by ${decided.email} at ${new Date(decided.at).toISOString().slice(11, 19)} UTC.` : "";
  const message = status === 409 ? `RapidSOS refused: the alert is already ${current ?? "answered"}.${who}` : `RapidSOS refused: ${detail}`;
  throw new HttpError(status === 409 ? 409 : status === 404 ? 404 : status === 403 ? 403 : 400, "alert_refused", message);
}

export async function decideAlert(deps: ActDeps, id: string, decision: Decision): Promise<AlertDetailResponse> {
  const { db, client, user, meta } = deps;
  if (!(await getAlert(db, id))) throw notFound("No such alert.");
  const body = decision.action === "accept" ? { status: "ACCEPTED" as const } : { status: "DECLINED" as const, decline_reason: decision.reason };
  const result = await client.patch(id, body);
  const audit = decision.action === "accept" ? "alert.accept" : "alert.decline";
  const what = { action: decision.action, ...(decision.action === "decline" ? { reason: decision.reason } : {}) };
  if (!result.ok) {
    await recordAudit({ action: audit, outcome: "failure", actor: user, target: id, meta, detail: { status: result.status } }, db);
    return refuse(deps, id, what, result.status, result.detail);
  }
  const at = dataNow();
  const status: Named = decision.action === "accept" ? { name: "ACCEPTED", displayName: "Accepted" } : { name: "DECLINED", displayName: "Declined" };
  await applyOurChange(db, id, { status, declineReason: decision.action === "decline" ? decision.reason : undefined }, at);
  await recordAction(db, id, user, at, { ...what, outcome: "ok" });
  await recordAudit({ action: audit, outcome: "success", actor: user, target: id, meta, detail: decision.action === "decline" ? { reason: decision.reason } : {} }, db);
  await deps.bus.publish({ type: "alerts", id });
  return alertDetail(db, id);
}

export async function setDisposition(deps: ActDeps, id: string, disposition: EccDisposition): Promise<AlertDetailResponse> {
  const { db, client, user, meta } = deps;
  if (!(await getAlert(db, id))) throw notFound("No such alert.");
  const result = await client.patch(id, { disposition });
  const what = { action: "disposition", value: DISPOSITION_LABEL[disposition] };
  if (!result.ok) {
    await recordAudit({ action: "alert.disposition", outcome: "failure", actor: user, target: id, meta, detail: { disposition, status: result.status } }, db);
    return refuse(deps, id, what, result.status, result.detail);
  }
  const at = dataNow();
  await applyOurChange(db, id, { disposition: { name: disposition, displayName: DISPOSITION_LABEL[disposition] } }, at);
  await recordAction(db, id, user, at, { ...what, outcome: "ok" });
  await recordAudit({ action: "alert.disposition", outcome: "success", actor: user, target: id, meta, detail: { disposition } }, db);
  await deps.bus.publish({ type: "alerts", id });
  return alertDetail(db, id);
}

export async function sendChat(deps: ActDeps, id: string, message: string): Promise<AlertDetailResponse> {
  const { db, client, user, meta } = deps;
  const alert = await getAlert(db, id);
  if (!alert) throw notFound("No such alert.");
  if (alert.supplementalOnly || !alert.chatEnabled) throw new HttpError(409, "chat_disabled", "Chat is not enabled for this alert: call the central station.");
  const result = await client.chat(id, message, user.name, user.id);
  await recordAudit({ action: "alert.chat", outcome: result.ok ? "success" : "failure", actor: user, target: id, meta }, db);
  if (!result.ok) return refuse(deps, id, { action: "chat" }, result.status, result.detail);
  // The socket echoes it as alert.chat; store ours now so the sender sees it at once.
  const at = dataNow();
  await recordAction(db, id, user, at, { action: "chat", value: message, outcome: "ok" });
  await deps.bus.publish({ type: "alerts", id });
  return alertDetail(db, id);
}
