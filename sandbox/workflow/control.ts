/**
 * The control API's WorkFlow part, under /sandbox/control/workflow: what triggers have started,
 * firing good triggers (the panel's samples or any body) and deliberately bad ones through the real
 * endpoint with a real token, queuing server errors (-1) and malformed additional data, and ending
 * a device call.
 */
import { z } from "zod";
import { detail, json, methodNotAllowed, notFound, readJsonBody } from "../http";
import { sandboxRapidsosToken } from "../tokens";
import type { Sandbox } from "../types";
import { CALLFLOW_NAMES } from "./handler";
import { BAD_CASES, badTriggerBody, sampleTrigger, type SampleFlow } from "./samples";

const BASE = "http://sandbox.internal/sandbox/rapidsos";

const triggerSchema = z.union([
  z
    .object({
      sample: z.enum(["data_connect", "voice", "alert"]),
      phone: z.string().max(40).optional(),
      latitude: z.number().optional(),
      longitude: z.number().optional(),
      uncertainty: z.number().optional(),
    })
    .strict(),
  z.object({ callflow: z.unknown(), variables: z.unknown() }).strict(),
]);
const badSchema = z.object({ case: z.enum(BAD_CASES), token: z.enum(["valid", "missing", "invalid"]).default("valid") }).strict();
const faultSchema = z.object({ kind: z.enum(["server_error", "malformed_additional_data"]), count: z.number().int().min(1).max(100).default(1) }).strict();

async function fire(sandbox: Sandbox, body: string, token: "valid" | "missing" | "invalid" = "valid") {
  const handle = (req: Request) => sandbox.handle(req);
  const bearer = token === "valid" ? await sandboxRapidsosToken(handle, BASE) : token === "invalid" ? "not-a-token" : null;
  const res = await handle(
    new Request(`${BASE}/v1/rem/trigger`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body,
    }),
  );
  return { status: res.status, answer: (await res.json()) as unknown };
}

export async function workflowControl(sandbox: Sandbox, req: Request, path: string): Promise<Response> {
  const m = req.method;
  const parse = async <T>(schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> => {
    const raw = await readJsonBody(req);
    if (!raw.ok) return { ok: false, response: detail(400, `The body is not valid JSON: ${raw.error}`) };
    const parsed = schema.safeParse(raw.value);
    if (!parsed.success) return { ok: false, response: detail(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")) };
    return { ok: true, value: parsed.data };
  };

  if (path === "") {
    if (m !== "GET") return methodNotAllowed(m, ["GET"]);
    return json({ callflows: CALLFLOW_NAMES, calls: sandbox.workflow.views(sandbox.clock.now()), pending: sandbox.workflow.pending(), badCases: BAD_CASES });
  }
  if (path === "trigger") {
    if (m !== "POST") return methodNotAllowed(m, ["POST"]);
    const b = await parse(triggerSchema);
    if (!b.ok) return b.response;
    const v = b.value;
    const body = "sample" in v ? sampleTrigger(v.sample as SampleFlow, v) : { callflow: v.callflow, variables: v.variables };
    return json({ request: body, ...(await fire(sandbox, JSON.stringify(body))) });
  }
  if (path === "bad") {
    if (m !== "POST") return methodNotAllowed(m, ["POST"]);
    const b = await parse(badSchema);
    if (!b.ok) return b.response;
    return json({ case: b.value.case, ...(await fire(sandbox, badTriggerBody(b.value.case), b.value.token)) });
  }
  if (path === "faults") {
    if (m !== "POST") return methodNotAllowed(m, ["POST"]);
    const b = await parse(faultSchema);
    if (!b.ok) return b.response;
    if (b.value.kind === "server_error") sandbox.workflow.queueServerErrors(b.value.count);
    else sandbox.workflow.queueRadeFault("malformed", b.value.count);
    return json(sandbox.workflow.pending(), 201);
  }
  const end = /^calls\/(\d{11})\/end$/.exec(path);
  if (end) {
    if (m !== "POST") return methodNotAllowed(m, ["POST"]);
    return sandbox.workflow.end(end[1] as string, sandbox.clock.now()) ? json({ ended: end[1] }) : detail(404, `No active device call from ${end[1]}.`);
  }
  return notFound();
}
