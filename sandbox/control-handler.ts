/**
 * The control API under /sandbox/control: scenario snapshot, reset, clock, faults, calls, Axon
 * clients and request counters. JSON in and out; bad input is a 400 naming the problem.
 */
import { z } from "zod";
import { alertsControl } from "./alerts/control";
import { AXON_SCOPES } from "./credentials";
import { detail, json, methodNotAllowed, notFound, readJsonBody } from "./http";
import { checkCallerId } from "./lei-query";
import { PhoneInUseError } from "./call-schedule";
import type { Sandbox } from "./types";
import { workflowControl } from "./workflow/control";

const seedSchema = z.number().int().min(0).max(2 ** 31 - 1);
const resetSchema = z.object({ seed: seedSchema.optional() }).strict();
const clockSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("pause") }).strict(),
  z.object({ action: z.literal("resume") }).strict(),
  z.object({ action: z.literal("advance"), ms: z.number().int().min(0).max(30 * 24 * 3_600_000) }).strict(),
]);
const faultSchema = z
  .object({
    upstream: z.enum(["rapidsos", "axon"]),
    kind: z.enum(["429", "500", "slow", "down"]),
    count: z.number().int().min(1).max(10_000).default(1),
    delayMs: z.number().int().min(0).max(300_000).default(15_000),
    retryAfterSeconds: z.number().int().min(0).max(3_600).default(2),
  })
  .strict();
const callSchema = z.object({ kind: z.enum(["walking", "driving", "text"]), phone: z.string().optional() }).strict();
const scopesSchema = z.object({ scopes: z.array(z.enum(AXON_SCOPES)) }).strict();
const clientSchema = z.object({ scopes: z.array(z.enum(AXON_SCOPES)), name: z.string().trim().min(1).max(100).optional() }).strict();

async function body<T>(req: Request, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const raw = await readJsonBody(req);
  if (!raw.ok) return { ok: false, response: detail(400, `The body is not valid JSON: ${raw.error}`) };
  const parsed = schema.safeParse(raw.value);
  if (!parsed.success) {
    const text = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    return { ok: false, response: detail(400, text) };
  }
  return { ok: true, value: parsed.data };
}

/** "+1 (412) 555-0150", "412-555-0150" or "14125550150" → "14125550150". */
function normalisePhone(raw: string): { ok: true; value: string } | { ok: false; detail: string } {
  let digits = raw.replace(/[\s().-]/g, "").replace(/^\+/, "");
  if (/^\d{10}$/.test(digits)) digits = `1${digits}`;
  const checked = checkCallerId(digits);
  return checked.ok ? checked : { ok: false, detail: `phone: ${checked.detail}` };
}

export async function control(sandbox: Sandbox, req: Request, rest: string[]): Promise<Response> {
  const path = rest.join("/");
  const m = req.method;
  if (path === "alerts" || path.startsWith("alerts/")) {
    return alertsControl(sandbox.alerts, req, path.slice("alerts".length).replace(/^\//, ""), () => sandbox.clock.now());
  }
  if (path === "workflow" || path.startsWith("workflow/")) return workflowControl(sandbox, req, path.slice("workflow".length).replace(/^\//, ""));
  if (path === "scenario") return m === "GET" ? json(sandbox.snapshot()) : methodNotAllowed(m, ["GET"]);

  if (path === "reset") {
    if (m !== "POST") return methodNotAllowed(m, ["POST"]);
    const b = await body(req, resetSchema);
    if (!b.ok) return b.response;
    sandbox.reset(b.value.seed);
    return json(sandbox.snapshot());
  }

  if (path === "clock") {
    if (m === "GET") return json({ now: sandbox.clock.now(), paused: sandbox.clock.isPaused() });
    if (m !== "POST") return methodNotAllowed(m, ["GET", "POST"]);
    const b = await body(req, clockSchema);
    if (!b.ok) return b.response;
    const c = b.value;
    if (c.action === "pause") sandbox.clock.pause();
    else if (c.action === "resume") sandbox.clock.resume();
    else sandbox.clock.advance(c.ms);
    return json({ now: sandbox.clock.now(), paused: sandbox.clock.isPaused() });
  }

  if (path === "faults") {
    if (m === "GET") return json({ faults: sandbox.snapshot().faults });
    if (m === "DELETE") {
      sandbox.clearFaults();
      return json({ faults: [] });
    }
    if (m !== "POST") return methodNotAllowed(m, ["GET", "POST", "DELETE"]);
    const b = await body(req, faultSchema);
    if (!b.ok) return b.response;
    return json(sandbox.injectFault(b.value), 201);
  }

  if (path === "calls") {
    if (m !== "POST") return methodNotAllowed(m, ["POST"]);
    const b = await body(req, callSchema);
    if (!b.ok) return b.response;
    let phone: string | undefined;
    if (b.value.phone !== undefined) {
      const p = normalisePhone(b.value.phone);
      if (!p.ok) return detail(400, p.detail);
      phone = p.value;
    }
    try {
      return json(sandbox.startCall(b.value.kind, phone), 201);
    } catch (err) {
      if (err instanceof PhoneInUseError) return detail(409, err.message);
      throw err;
    }
  }

  const end = /^calls\/([^/]+)\/end$/.exec(path);
  if (end) {
    if (m !== "POST") return methodNotAllowed(m, ["POST"]);
    const p = normalisePhone(decodeURIComponent(end[1] as string));
    if (!p.ok) return detail(400, p.detail);
    const ended = sandbox.endCall(p.value);
    return ended ? json(ended) : detail(404, `No active call from ${p.value}.`);
  }

  if (path === "axon/clients") {
    if (m === "GET") return json({ clients: sandbox.snapshot().clients.axon });
    if (m !== "POST") return methodNotAllowed(m, ["GET", "POST"]);
    const b = await body(req, clientSchema);
    if (!b.ok) return b.response;
    return json(sandbox.createAxonClient(b.value.scopes, b.value.name), 201);
  }

  const scoped = /^axon\/clients\/([^/]+)\/scopes$/.exec(path);
  if (scoped) {
    if (m !== "POST") return methodNotAllowed(m, ["POST"]);
    const b = await body(req, scopesSchema);
    if (!b.ok) return b.response;
    const scopes = sandbox.setAxonScopes(decodeURIComponent(scoped[1] as string), b.value.scopes);
    return scopes ? json({ scopes }) : detail(404, "No such API client.");
  }

  const client = /^axon\/clients\/([^/]+)$/.exec(path);
  if (client) {
    if (m !== "DELETE") return methodNotAllowed(m, ["DELETE"]);
    const deleted = sandbox.deleteAxonClient(decodeURIComponent(client[1] as string));
    return deleted ? new Response(null, { status: 204 }) : detail(404, "No such API client.");
  }

  if (path === "requests") {
    if (m === "GET") return json(sandbox.requestCounts());
    if (m === "DELETE") {
      sandbox.resetRequestCounts();
      return json(sandbox.requestCounts());
    }
    return methodNotAllowed(m, ["GET", "DELETE"]);
  }

  return notFound();
}
