/**
 * /sandbox/control/alerts/*: create good and deliberately bad alerts as the central station, move
 * them, chat, change their status, and turn the platform's knobs (SLA, scenario, envelope, faults).
 */
import { z } from "zod";
import { detail, json, methodNotAllowed, notFound, readJsonBody } from "../http";
import { ALERTS_FAULT_KINDS, type AlertsPlatform } from "./platform";
import { CENTRAL_STATION_CREDENTIALS } from "./auth";
import { templateAlert, TEMPLATES } from "./templates";

const createSchema = z
  .object({
    template: z.enum(TEMPLATES).default("fire"),
    /** Sent to POST /v1/alerts as-is instead of a template (deliberately bad alerts too). */
    raw: z.unknown().optional(),
    /** Merged over the template's `variables.event` (e.g. another location). */
    event: z.record(z.string(), z.unknown()).optional(),
    variables: z.record(z.string(), z.unknown()).optional(),
    slaSeconds: z.number().int().min(1).max(86_400).optional(),
    dispatch: z.boolean().optional(),
  })
  .strict();
const locationSchema = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    uncertainty_radius: z.number().min(-1).default(10),
  })
  .strict();
const chatSchema = z
  .object({ message: z.string().min(1).max(1000), message_type: z.enum(["CHAT_MESSAGE", "MILESTONE", "MULTI_TRIP_SIGNAL"]).default("CHAT_MESSAGE"), sender: z.string().max(100).optional() })
  .strict();
const statusSchema = z.object({ status: z.string().min(1), cancel_reason: z.string().optional() }).strict();
const settingsSchema = z
  .object({ slaSeconds: z.number().int().min(1).max(86_400).optional(), scenario: z.boolean().optional(), envelope: z.enum(["event", "event_type"]).optional() })
  .strict();
const faultSchema = z.object({ kind: z.enum(ALERTS_FAULT_KINDS as [string, ...string[]]), count: z.number().int().min(1).max(1000).default(1) }).strict();

async function body<T>(req: Request, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const raw = await readJsonBody(req);
  if (!raw.ok) return { ok: false, response: detail(400, `The body is not valid JSON: ${raw.error}`) };
  const parsed = schema.safeParse(raw.value);
  if (!parsed.success) {
    return { ok: false, response: detail(400, parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ")) };
  }
  return { ok: true, value: parsed.data };
}

export async function alertsControl(platform: AlertsPlatform, req: Request, path: string, now: () => number): Promise<Response> {
  const m = req.method;
  platform.tick();
  if (path === "") {
    if (m === "GET") {
      return json({
        settings: platform.settings(),
        faults: platform.pendingFaults(),
        centralStation: { clientId: CENTRAL_STATION_CREDENTIALS.clientId },
        alerts: platform.board.list(0, null, 100_000).alerts,
      });
    }
    if (m !== "POST") return methodNotAllowed(m, ["GET", "POST"]);
    const b = await body(req, createSchema);
    if (!b.ok) return b.response;
    const v = b.value;
    const request = v.raw !== undefined ? v.raw : templateAlert(v.template, now(), v.event, v.variables);
    const created = platform.createAsCentral(request, { slaSeconds: v.slaSeconds, dispatch: v.dispatch });
    return json(created.body, created.status);
  }
  if (path === "settings") {
    if (m === "GET") return json(platform.settings());
    if (m !== "POST") return methodNotAllowed(m, ["GET", "POST"]);
    const b = await body(req, settingsSchema);
    if (!b.ok) return b.response;
    if (b.value.slaSeconds !== undefined) platform.board.slaSeconds = b.value.slaSeconds;
    if (b.value.scenario !== undefined) platform.scenarioOn = b.value.scenario;
    if (b.value.envelope !== undefined) platform.envelope = b.value.envelope;
    return json(platform.settings());
  }
  if (path === "faults") {
    if (m === "GET") return json({ faults: platform.pendingFaults() });
    if (m !== "POST") return methodNotAllowed(m, ["GET", "POST"]);
    const b = await body(req, faultSchema);
    if (!b.ok) return b.response;
    platform.addFault(b.value.kind as never, b.value.count);
    return json({ faults: platform.pendingFaults() }, 201);
  }
  const one = /^([^/]+)\/(location|chat|status)$/.exec(path);
  if (!one) return notFound();
  if (m !== "POST") return methodNotAllowed(m, ["POST"]);
  const id = decodeURIComponent(one[1] as string);
  const actor = platform.centralActor();
  if (one[2] === "location") {
    const b = await body(req, locationSchema);
    if (!b.ok) return b.response;
    const g = b.value;
    const o = platform.board.moveTo(id, { ...g, altitude: null, vertical_uncertainty: null, estimated_floor_level: null, elevation: null }, null, now());
    return json(o.body, o.status);
  }
  if (one[2] === "chat") {
    const b = await body(req, chatSchema);
    if (!b.ok) return b.response;
    const o = platform.board.postLog(id, { ...actor, name: b.value.sender ?? actor.name }, b.value, now());
    return json(o.body, o.status);
  }
  const b = await body(req, statusSchema);
  if (!b.ok) return b.response;
  const o = platform.board.patch(id, actor, b.value, now());
  return json(o.body, o.status);
}
