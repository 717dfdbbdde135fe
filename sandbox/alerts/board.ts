/**
 * The Alerts platform's state in the sandbox: every alert, its log messages and location history,
 * the status rules of the Alert Management API (who may set what, which transitions exist), the SLA
 * that turns an unanswered alert into TIMEOUT, the 12-hour retention, and the events it emits.
 * Time is the sandbox clock; nothing here reads the real clock.
 */
import { uuidFrom } from "../rng";
import { coverageOf, locationOf, ALERTS_COVERAGE, type AlertInput, type Coverage } from "./partner";
import {
  DISPOSITIONS,
  DISPOSITION_DISPLAY,
  STATUSES,
  STATUS_DISPLAY,
  titleCase,
  type AlertDisposition,
  type AlertStatus,
  type EventEnvelope,
  type EventType,
  type LogMessageType,
  type WireAlert,
  type WireCivic,
  type WireGeodetic,
  type WireLogMessage,
} from "./wire";

export const RETENTION_MS = 12 * 3_600_000;
/** The captured sandbox alert had its SLA 30 s after dispatch was requested. */
export const DEFAULT_SLA_SECONDS = 30;

export type Role = "ecc" | "central";
export interface Actor {
  role: Role | "platform";
  id: string;
  name: string;
}

export const CENTRAL_STATION = { id: "sandbox-central-station", name: "Keystone Monitoring (sandbox)", phone: "+18885550142" } as const;
export const PLATFORM: Actor = { role: "platform", id: "rapidsos", name: "RapidSOS" };

interface Stored {
  alert: WireAlert;
  logs: WireLogMessage[];
  seq: number;
}

export interface CreateOptions {
  /** false: the alert stays NEW until the central station requests dispatch. */
  dispatch?: boolean;
  slaSeconds?: number;
  /** Fixed id (the scenario's alerts are a function of the seed). */
  id?: string;
}

export type Outcome = { status: number; body: unknown };

const ok = (body: unknown, status = 200): Outcome => ({ status, body });
const fail = (status: number, detail: string): Outcome => ({ status, body: { detail } });

const STATUS_MOVES: Record<AlertStatus, readonly AlertStatus[]> = {
  NEW: ["DISPATCH_REQUESTED", "IGNORED", "CANCELED"],
  DISPATCH_REQUESTED: ["ACCEPTED", "DECLINED", "CANCELED", "TIMEOUT"],
  ACCEPTED: ["CANCELED"],
  IGNORED: [],
  DECLINED: [],
  TIMEOUT: [],
  CANCELED: [],
};
const SET_BY: Record<AlertStatus, Role | "platform"> = {
  NEW: "platform",
  TIMEOUT: "platform",
  DISPATCH_REQUESTED: "central",
  IGNORED: "central",
  CANCELED: "central",
  ACCEPTED: "ecc",
  DECLINED: "ecc",
};
const CLOSED_STATUSES: readonly AlertStatus[] = ["IGNORED", "DECLINED", "TIMEOUT", "CANCELED"];

export class AlertsBoard {
  private readonly alerts = new Map<string, Stored>();
  private readonly listeners = new Set<(e: EventEnvelope) => void>();
  private seq = 0;
  private lastCreated = 0;
  slaSeconds = DEFAULT_SLA_SECONDS;

  constructor(private readonly seed: number) {}

  subscribe(listener: (e: EventEnvelope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.alerts.clear();
    this.lastCreated = 0;
    this.slaSeconds = DEFAULT_SLA_SECONDS;
  }

  /** SLA expiry and retention, up to `now`. */
  tick(now: number): void {
    for (const [id, s] of this.alerts) {
      if (s.alert.created_time < now - RETENTION_MS) {
        this.alerts.delete(id);
        continue;
      }
      const a = s.alert;
      if (a.status.name === "DISPATCH_REQUESTED" && a.sla_expiration_time !== null && now >= a.sla_expiration_time) {
        this.setStatus(s, "TIMEOUT", PLATFORM, a.sla_expiration_time);
      }
    }
  }

  create(input: AlertInput, now: number, options: CreateOptions = {}): { coverage: Coverage; alert: WireAlert | null } {
    const location = locationOf(input);
    const coverage = coverageOf(location);
    if (coverage === "unsupported") return { coverage, alert: null };
    // alerts_until pages by created_time, so two alerts never share a millisecond.
    const created = Math.max(now, this.lastCreated + 1);
    this.lastCreated = created;
    const id = options.id ?? `alert-${uuidFrom(this.seed, "alert", created, this.seq++)}`;
    const dispatch = options.dispatch ?? true;
    const sla = (options.slaSeconds ?? this.slaSeconds) * 1000;
    const status: AlertStatus = dispatch ? "DISPATCH_REQUESTED" : "NEW";
    const alert: WireAlert = {
      alert_id: id,
      source_id: input.sourceId,
      incident_time: input.incidentTime,
      created_time: created,
      dispatch_requested_time: dispatch ? created : null,
      last_updated_time: created,
      sla_expiration_time: dispatch ? created + sla : null,
      location,
      location_history: [{ ...structuredClone(location), created_at: created }],
      emergency_type: { name: input.emergencyType, display_name: titleCase(input.emergencyType.replace(/^TEST_/, "")) },
      site_type: { name: input.siteType, display_name: titleCase(input.siteType) },
      status: { name: status, display_name: STATUS_DISPLAY[status], entity_display_name: CENTRAL_STATION.name, sender: "" },
      disposition: null,
      decline_reason: null,
      cancel_reason: null,
      description: input.description,
      service_provider_name: input.serviceProviderName,
      is_chat_enabled: input.chatEnabled && coverage === "covered",
      is_media_enabled: false,
      supplemental_only: coverage === "supplemental",
      covering_psap: { ...ALERTS_COVERAGE.psap },
      authorized_entity: { id: CENTRAL_STATION.id, name: CENTRAL_STATION.name, phone: CENTRAL_STATION.phone },
      followers: [],
      covering_psap_first_viewed_time: null,
      subtype: null,
      ...input.extras,
      emergency_contacts: input.extras.emergency_contacts,
      test_mode: { test_enabled: input.emergencyType.startsWith("TEST_"), internal: false },
    };
    const stored: Stored = { alert, logs: [], seq: this.seq };
    this.alerts.set(id, stored);
    this.emit("alert.new", { ...structuredClone(alert), log_messages: [] }, created);
    return { coverage, alert: structuredClone(alert) };
  }

  has(id: string): boolean {
    return this.alerts.has(id);
  }

  get(id: string, withLogs = false): Record<string, unknown> | null {
    const s = this.alerts.get(id);
    if (!s) return null;
    const a = structuredClone(s.alert) as unknown as Record<string, unknown>;
    if (withLogs) {
      a.logs = structuredClone(s.logs);
      a.adr = [];
    }
    return a;
  }

  /** GET /v1/alerts: records created after `start`, ascending, at most `limit` (default 10, max 100). */
  list(start: number, end: number | null, limit: number): { alerts_until: number; alerts: WireAlert[] } {
    const rows = [...this.alerts.values()]
      .map((s) => s.alert)
      .filter((a) => a.created_time > start && (end === null || a.created_time <= end))
      .sort((a, b) => a.created_time - b.created_time)
      .slice(0, limit);
    const last = rows[rows.length - 1];
    return { alerts_until: last ? last.created_time : 0, alerts: structuredClone(rows) };
  }

  patch(id: string, actor: Actor, body: unknown, now: number): Outcome {
    const s = this.alerts.get(id);
    if (!s) return fail(404, "Not found.");
    if (typeof body !== "object" || body === null || Array.isArray(body)) return fail(400, "The body must be a JSON object.");
    const b = body as Record<string, unknown>;
    const { status, disposition, decline_reason: declineReason, cancel_reason: cancelReason } = b;
    if (status === undefined && disposition === undefined) return fail(400, "Provide status or disposition.");
    if (status !== undefined && !(typeof status === "string" && (STATUSES as readonly string[]).includes(status))) {
      return fail(400, `status: must be one of ${STATUSES.join(", ")}.`);
    }
    if (disposition !== undefined && !(typeof disposition === "string" && (DISPOSITIONS as readonly string[]).includes(disposition))) {
      return fail(400, `disposition: must be one of ${DISPOSITIONS.join(", ")}.`);
    }
    for (const [name, value] of [["decline_reason", declineReason], ["cancel_reason", cancelReason]] as const) {
      if (value !== undefined && !(typeof value === "string" && value.trim().length >= 1 && value.length <= 100)) {
        return fail(400, `${name}: must be 1 to 100 characters.`);
      }
    }
    const next = status as AlertStatus | undefined;
    // Who may set what (Alert Management API, PATCH).
    if (next !== undefined && SET_BY[next] !== actor.role) {
      return fail(403, SET_BY[next] === "platform" ? `Status ${next} is set by the platform only.` : `Only ${SET_BY[next] === "ecc" ? "PSAP" : "Central Station"} integrations may set status ${next}.`);
    }
    if ((disposition !== undefined || declineReason !== undefined) && actor.role !== "ecc") {
      return fail(403, "Only PSAP integrations can set the disposition and decline_reason fields.");
    }
    if (cancelReason !== undefined && actor.role !== "central") return fail(403, "Only Central Station integrations can set cancel_reason.");
    if (actor.role === "ecc" && s.alert.supplemental_only) {
      return fail(403, "This alert is supplemental only: the PSAP cannot update its status. Call the central station.");
    }
    const current = s.alert.status.name;
    if (declineReason !== undefined && next !== "DECLINED" && current !== "DECLINED") {
      return fail(400, "decline_reason can only be set when the alert is being set to, or is in, DECLINED.");
    }
    if (cancelReason !== undefined && next !== "CANCELED" && current !== "CANCELED") {
      return fail(400, "cancel_reason can only be set when the alert is being set to, or is in, CANCELED.");
    }
    if (next !== undefined && !STATUS_MOVES[current].includes(next)) {
      return fail(409, `Invalid status transition from ${current} to ${next}.`);
    }
    const afterStatus = next ?? current;
    if (disposition !== undefined) {
      if (afterStatus !== "ACCEPTED") return fail(409, `A disposition needs the alert ACCEPTED; it is ${afterStatus}.`);
      if (s.alert.disposition?.name === "CLOSED") return fail(409, "The alert's disposition is CLOSED.");
    }
    if (!s.alert.followers.includes(actor.id)) s.alert.followers.push(actor.id);
    if (typeof declineReason === "string") s.alert.decline_reason = declineReason;
    if (typeof cancelReason === "string") s.alert.cancel_reason = cancelReason;
    if (next !== undefined) this.setStatus(s, next, actor, now);
    if (disposition !== undefined) this.setDisposition(s, disposition as AlertDisposition, actor, now);
    const a = s.alert;
    return ok({ status: { name: a.status.name, display_name: a.status.display_name }, disposition: a.disposition, last_updated_time: a.last_updated_time });
  }

  logs(id: string, page: number, limit: number): Outcome {
    const s = this.alerts.get(id);
    if (!s) return fail(404, "Not found.");
    const from = (page - 1) * limit;
    return ok({ total_records: s.logs.length, log_messages: structuredClone(s.logs.slice(from, from + limit)) });
  }

  postLog(id: string, actor: Actor, body: unknown, now: number): Outcome {
    const s = this.alerts.get(id);
    if (!s) return fail(404, "Not found.");
    if (typeof body !== "object" || body === null || Array.isArray(body)) return fail(400, "The body must be a JSON object.");
    const b = body as Record<string, unknown>;
    if (typeof b.message !== "string" || b.message.trim() === "" || b.message.length > 1000) return fail(400, "message: required, at most 1000 characters.");
    const type = b.message_type;
    if (type !== "CHAT_MESSAGE" && type !== "MILESTONE" && type !== "MULTI_TRIP_SIGNAL" && type !== "SYSTEM_UPDATE" && type !== "STATUS_UPDATE") {
      return fail(400, "message_type: must be one of SYSTEM_UPDATE, STATUS_UPDATE, CHAT_MESSAGE, MILESTONE, MULTI_TRIP_SIGNAL.");
    }
    if (b.sender !== undefined && (typeof b.sender !== "string" || b.sender.length > 100)) return fail(400, "sender: at most 100 characters.");
    if (type === "SYSTEM_UPDATE" || type === "STATUS_UPDATE") return fail(403, `${type} messages are written by the platform.`);
    if (actor.role === "ecc" && type !== "CHAT_MESSAGE") return fail(403, `Only the central station sends ${type}.`);
    if (actor.role === "ecc" && (s.alert.supplemental_only || !s.alert.is_chat_enabled)) return fail(403, "Chat is not enabled for this alert.");
    if (CLOSED_STATUSES.includes(s.alert.status.name)) return fail(409, `The alert is ${s.alert.status.name}; it takes no more messages.`);
    const sender = typeof b.sender === "string" && b.sender.trim() ? b.sender.trim() : actor.name;
    const senderId = typeof b.sender_id === "string" ? b.sender_id : actor.id;
    const message = this.addLog(s, type, b.message, { ...actor, name: sender, id: senderId }, now);
    return ok(message);
  }

  /** The central station's device moved (mPERS, vehicle): a new location and an alert.location_update. */
  moveTo(id: string, geodetic: WireGeodetic | null, civic: WireCivic | null, now: number): Outcome {
    const s = this.alerts.get(id);
    if (!s) return fail(404, "Not found.");
    const location = locationOf({ geodetic, civic });
    s.alert.location = location;
    s.alert.location_history.push({ ...structuredClone(location), created_at: now });
    s.alert.last_updated_time = now;
    this.emit("alert.location_update", { alert_id: id, ...structuredClone(location), created_at: String(now) }, now);
    return ok(structuredClone(s.alert));
  }

  private setStatus(s: Stored, next: AlertStatus, actor: Actor, now: number): void {
    const a = s.alert;
    a.status = { name: next, display_name: STATUS_DISPLAY[next], entity_display_name: actor.name, sender: actor.id };
    a.last_updated_time = now;
    if (next === "DISPATCH_REQUESTED") {
      a.dispatch_requested_time = now;
      a.sla_expiration_time = now + this.slaSeconds * 1000;
    }
    if (next === "CANCELED" && a.disposition === null) a.disposition = { name: "CANCELED", display_name: DISPOSITION_DISPLAY.CANCELED };
    const status: Record<string, unknown> = { name: next, display_name: STATUS_DISPLAY[next] };
    if (next === "DISPATCH_REQUESTED") status.sla_expiration_time = a.sla_expiration_time;
    this.emit("alert.status_update", { ...common(a.alert_id, actor, now), status }, now);
    this.addLog(s, "STATUS_UPDATE", `Status changed to ${STATUS_DISPLAY[next]}${next === "DECLINED" && a.decline_reason ? `: ${a.decline_reason}` : ""}`, actor, now, false);
  }

  private setDisposition(s: Stored, d: AlertDisposition, actor: Actor, now: number): void {
    s.alert.disposition = { name: d, display_name: DISPOSITION_DISPLAY[d] };
    s.alert.last_updated_time = now;
    this.emit("alert.disposition_update", { ...common(s.alert.alert_id, actor, now), disposition: { ...s.alert.disposition } }, now);
  }

  private addLog(s: Stored, type: LogMessageType, message: string, actor: Actor, now: number, announce = true): WireLogMessage {
    const log: WireLogMessage = {
      alert_id: s.alert.alert_id,
      message,
      message_type: type,
      sender: actor.name,
      sender_id: actor.id,
      entity_display_name: actor.role === "ecc" ? ALERTS_COVERAGE.psap.name : actor.role === "central" ? CENTRAL_STATION.name : "RapidSOS",
      created_at: now,
    };
    s.logs.push(log);
    const event: EventType | null =
      type === "CHAT_MESSAGE" ? "alert.chat" : type === "MILESTONE" ? "alert.milestone" : type === "MULTI_TRIP_SIGNAL" ? "alert.multi_trip_signal" : null;
    if (announce && event) {
      const body: Record<string, unknown> = { ...common(s.alert.alert_id, { ...actor, name: log.entity_display_name }, now), sender: actor.name, sender_id: actor.id, message };
      if (event !== "alert.chat") body.message_type = type;
      this.emit(event, body, now);
    }
    return { ...log };
  }

  private emit(event: EventType, body: Record<string, unknown>, now: number): void {
    const envelope: EventEnvelope = { event, body, timestamp: now };
    for (const l of this.listeners) l(envelope);
  }
}

function common(alertId: string, actor: Actor, now: number): Record<string, unknown> {
  return {
    alert_id: alertId,
    created_at: String(now),
    message_time: String(now),
    entity_display_name: actor.name,
    entity_id: actor.role === "ecc" ? ALERTS_COVERAGE.psap.id : actor.role === "central" ? CENTRAL_STATION.id : "rapidsos",
    sender: actor.name,
    sender_id: actor.id,
  };
}
