/**
 * RapidSOS Emergency WorkFlow in the sandbox: `POST /v1/rem/trigger` (document 002) behind the same
 * OAuth as LEI, answering `{code, id, message}` — 0 success, -2 validation error naming the field,
 * -1 server error (queued through the control API) — and the RAD-E-like additional-data endpoint
 * `GET /v1/rad-e/additional-data?caller_id=…` (or `?alert_id=…`) a consumer reads afterwards.
 * A refused trigger changes nothing: every check runs before any state is touched.
 */
import type { AlertsPlatform } from "../alerts/platform";
import type { WireGeodetic } from "../alerts/wire";
import type { SandboxCore } from "../core";
import { BodyTooLargeError, json, methodNotAllowed, notFound, readText } from "../http";
import { refuseRapidsosToken } from "../rapidsos-handler";
import { checkCallerId } from "../lei-query";
import { SERVE_AFTER_END_MS } from "../call-schedule";
import { sectionsFrom, type RadeDocument } from "./sections";
import type { WorkflowCallKind } from "./state";
import { checkCallTrigger, checkEnvelope, fixField, numberField, stringField, type Checked, type TriggerBody } from "./trigger-input";

/** The callflows this sandbox account has configured (RapidSOS configures them per partner). */
export const CALLFLOWS = {
  company_dataconnect_v1: { kind: "data_connect", label: "Data Connect", application: "CompanyABC Safety App (Data Connect)" },
  company_connect_911_v1: { kind: "voice", label: "Connect to 9-1-1", application: "CompanyABC Safety App (Connect to 9-1-1)" },
  alert_create_location_update: { kind: "alert", label: "Alert create / location update", application: "CompanyABC Panic Alert" },
} as const;
export type Callflow = keyof typeof CALLFLOWS;
export const CALLFLOW_NAMES = Object.keys(CALLFLOWS) as Callflow[];

export interface TriggerAnswer {
  code: 0 | -1 | -2;
  id: string | null;
  message: string;
}

const STATUS: Record<TriggerAnswer["code"], number> = { 0: 200, [-1]: 500, [-2]: 400 };
const answer = (a: TriggerAnswer) => json(a, STATUS[a.code]);
const invalid = (message: string) => answer({ code: -2, id: null, message });

export async function remTrigger(core: SandboxCore, alerts: AlertsPlatform, req: Request): Promise<Response> {
  if (req.method !== "POST") return methodNotAllowed(req.method, ["POST"]);
  const refused = refuseRapidsosToken(core, req);
  if (refused) return refused;
  let text: string;
  try {
    text = await readText(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return json({ code: -2, id: null, message: "variables is too large: the request body exceeds 64 KB." }, 413);
    throw err;
  }
  if (core.workflow.takeServerError()) return answer({ code: -1, id: null, message: "Server error: the emergency workflow could not be started. Try again." });
  const envelope = checkEnvelope(text);
  if (!envelope.ok) return invalid(envelope.message);
  const flow = CALLFLOWS[envelope.value.callflow as Callflow] as (typeof CALLFLOWS)[Callflow] | undefined;
  if (!flow) {
    return invalid(`callflow "${envelope.value.callflow.slice(0, 80)}" is not configured for this account (configured: ${CALLFLOW_NAMES.join(", ")}).`);
  }
  const now = core.clock.now();
  if (flow.kind === "alert") return answer(alertFlow(core, alerts, envelope.value, now));
  return answer(callFlow(core, envelope.value, flow.kind, flow.application, now));
}

function callFlow(core: SandboxCore, body: TriggerBody, kind: WorkflowCallKind, defaultApp: string, now: number): TriggerAnswer {
  const checked = checkCallTrigger(body.variables);
  if (!checked.ok) return { code: -2, id: null, message: checked.message };
  const { phone, fullName, fix } = checked.value;
  const id = core.workflow.nextId();
  const app = appName(body.variables) ?? defaultApp;
  const { started } = core.workflow.trigger({ id, phone, kind, callflow: body.callflow, fullName, application: app, fix, sections: sectionsFrom(body.variables), now });
  return { code: 0, id, message: started ? `Emergency workflow started: 911 call from +${phone}.` : `Location updated for the 911 call from +${phone}.` };
}

function appName(variables: Record<string, unknown>): string | null {
  for (const key of ["device_info", "device", "app"]) {
    const v = variables[key];
    if (typeof v === "object" && v !== null && typeof (v as Record<string, unknown>).app_name === "string") return (v as Record<string, string>).app_name ?? null;
  }
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * `alert_create_location_update` (the public sample): the first trigger for an `event.source_id`
 * creates a central-station alert; later ones move it (`alert.location_update`).
 */
function alertFlow(core: SandboxCore, alerts: AlertsPlatform, body: TriggerBody, now: number): TriggerAnswer {
  const v = body.variables;
  if (!isObject(v.event)) return { code: -2, id: null, message: "variables.event is required (source_id, incident_time, location, emergency_type, site_type)." };
  const event = v.event;
  const sourceId = stringField(event.source_id, "variables.event.source_id", 100);
  if (!sourceId.ok) return { code: -2, id: null, message: sourceId.message };
  const location = isObject(event.location) ? event.location : null;
  const fix = fixField(location?.geodetic, "variables.event.location.geodetic");
  if (!fix.ok) return { code: -2, id: null, message: fix.message };
  const moved = v.updated_location === undefined ? null : fixField(v.updated_location, "variables.updated_location");
  if (moved && !moved.ok) return { code: -2, id: null, message: moved.message };
  const incident: Checked<number> = event.incident_time === undefined ? { ok: true, value: now } : numberField(event.incident_time, "variables.event.incident_time");
  if (!incident.ok) return { code: -2, id: null, message: incident.message };
  if (v.user !== undefined && !isObject(v.user)) return { code: -2, id: null, message: "variables.user must be an object." };

  alerts.tick();
  const target = moved?.ok ? moved.value : fix.value;
  const geodetic: WireGeodetic = {
    latitude: target.latitude,
    longitude: target.longitude,
    uncertainty_radius: target.uncertainty ?? -1,
    altitude: null,
    vertical_uncertainty: null,
    estimated_floor_level: null,
    elevation: null,
  };
  const sections = sectionsFrom(v);
  const existing = core.workflow.alertsBySource.get(sourceId.value);
  if (existing && alerts.board.has(existing)) {
    const out = alerts.board.moveTo(existing, geodetic, null, now);
    if (out.status !== 200) return { code: -1, id: null, message: "Server error: the alert could not be moved." };
    core.workflow.alertData.set(existing, { at: now, document: alertDocument(existing, body.callflow, sections, now) });
    return { code: 0, id: existing, message: `Alert ${existing} location updated.` };
  }
  const created = alerts.createAsCentral({
    callflow: body.callflow,
    variables: {
      ...pick(v, ["alarm_description", "zone_description", "instructions", "service_provider_name", "site_phone", "emergency_contacts", "patient"]),
      event: {
        ...event,
        incident_time: Math.round(incident.value),
        // A first trigger that already carries an updated location is created there.
        location: { geodetic: { latitude: target.latitude, longitude: target.longitude, ...(target.uncertainty === null ? {} : { uncertainty_radius: target.uncertainty }) } },
      },
    },
  });
  if (created.status >= 400 || created.status === 216) {
    const detail = (created.body as { detail?: string }).detail ?? "the alert was refused";
    return { code: -2, id: null, message: detail.startsWith("variables") ? detail : `variables.event: ${detail}` };
  }
  const id = (created.body as { alert_id: string }).alert_id;
  core.workflow.alertsBySource.set(sourceId.value, id);
  core.workflow.alertData.set(id, { at: now, document: alertDocument(id, body.callflow, sections, now) });
  return { code: 0, id, message: `Alert ${id} created.` };
}

function pick(v: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
}

function alertDocument(alertId: string, callflow: string, sections: RadeDocument["sections"], now: number): RadeDocument {
  return { caller_id: null, alert_id: alertId, source: { name: CALLFLOWS.alert_create_location_update.application, callflow }, updated_time: String(now), sections };
}

/** Alert additional data lives as long as the platform keeps the alert; a call's until LEI forgets it. */
export function radeAdditionalData(core: SandboxCore, alerts: AlertsPlatform, req: Request, url: URL): Response {
  core.counts.rapidsos.additionalData += 1;
  const refused = refuseRapidsosToken(core, req);
  if (refused) return refused;
  if (req.method !== "GET") return methodNotAllowed(req.method, ["GET"]);
  const now = core.clock.now();
  const alertId = url.searchParams.get("alert_id");
  let document: RadeDocument | null = null;
  if (alertId !== null) {
    alerts.tick();
    const held = core.workflow.alertData.get(alertId);
    document = held && alerts.board.has(alertId) ? held.document : null;
  } else {
    const caller = checkCallerId(url.searchParams.get("caller_id") ?? undefined);
    if (!caller.ok) return json({ detail: caller.detail }, 400);
    const call = core.workflow.servedCall(caller.value, now);
    document = call && now < call.end + SERVE_AFTER_END_MS ? core.workflow.document(call) : null;
  }
  if (!document) return notFound();
  if (core.workflow.takeRadeFault() === "malformed") {
    // A broken upstream: one section is not what the schema promises, another has no label.
    document.sections.push({ type: "medical", label: 42 as unknown as string, fields: "DNR: yes" as unknown as [] });
  }
  return json(document);
}
