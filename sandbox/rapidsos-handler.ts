/**
 * RapidSOS as the app sees it: the Apigee-fronted OAuth token endpoint and LEI 1.5
 * (RapidSOS LEI 1.5, with the token and error bodies RapidSOS's public samples show).
 */
import { applyFault, type SandboxCore } from "./core";
import { bearerToken, detail, json, methodNotAllowed, notFound, readJsonBody, readText } from "./http";
import { nextUrl, parseLeiInput, selectPage, type RawLeiInput } from "./lei-query";

const FAULT_MISSING = { fault: { faultstring: "Invalid access token", detail: { errorcode: "oauth.v2.InvalidAccessToken" } } };
const FAULT_INVALID = { fault: { faultstring: "Invalid Access Token", detail: { errorcode: "keymanagement.service.invalid_access_token" } } };
const FAULT_EXPIRED = { fault: { faultstring: "Access Token expired", detail: { errorcode: "keymanagement.service.access_token_expired" } } };

const LEI_ALLOW = ["GET", "POST", "HEAD", "OPTIONS"] as const;

/** The RapidSOS gateway's bearer check (LEI, WorkFlow, RAD-E): null when the token is good, else its 401. */
export function refuseRapidsosToken(core: SandboxCore, req: Request): Response | null {
  const token = bearerToken(req);
  if (token === null) return json(FAULT_MISSING, 401);
  const check = core.credentials.check("rapidsos", token, core.clock.now());
  return check.ok ? null : json(check.reason === "expired" ? FAULT_EXPIRED : FAULT_INVALID, 401);
}

function basicCredentials(req: Request): { id: string; secret: string } | null {
  const m = /^Basic\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export async function rapidsosToken(core: SandboxCore, req: Request): Promise<Response> {
  core.counts.rapidsos.token += 1;
  if (req.method !== "POST") return methodNotAllowed(req.method, ["POST"]);
  const form = new URLSearchParams(await readText(req));
  const basic = basicCredentials(req);
  const clientId = form.get("client_id") ?? basic?.id ?? "";
  const clientSecret = form.get("client_secret") ?? basic?.secret ?? "";
  const grantType = form.get("grant_type") ?? "";
  if (clientId === "" || clientSecret === "") {
    return detail(400, "client_id and client_secret are required (form-encoded body).");
  }
  if (grantType === "") return detail(400, "grant_type is required: client_credentials.");
  if (grantType !== "client_credentials") return detail(400, `Unsupported grant_type "${grantType}": use client_credentials.`);
  if (!core.credentials.checkRapidsosClient(clientId, clientSecret)) return detail(401, "Invalid user credentials.");
  const now = core.clock.now();
  const { accessToken } = core.credentials.issue("rapidsos", clientId, now, core.tokenTtlSeconds);
  return json({
    access_token: accessToken,
    token_type: "BearerToken",
    issued_at: String(now),
    expires_in: String(core.tokenTtlSeconds),
  });
}

/** Body fields for POST (JSON, or form-encoded as DRF also accepts), falling back to the query string. */
async function postInput(req: Request, url: URL): Promise<{ ok: true; input: RawLeiInput } | { ok: false; response: Response }> {
  const fromQuery = Object.fromEntries(url.searchParams) as RawLeiInput;
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) {
    const form = Object.fromEntries(new URLSearchParams(await readText(req)));
    return { ok: true, input: { ...fromQuery, ...form } };
  }
  const body = await readJsonBody(req);
  if (!body.ok) return { ok: false, response: detail(400, `JSON parse error - ${body.error}`) };
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) {
    return { ok: false, response: detail(400, "Invalid data. Expected a dictionary, but got " + (Array.isArray(body.value) ? "list." : `${typeof body.value}.`)) };
  }
  const b = body.value as Record<string, unknown>;
  return { ok: true, input: { ...fromQuery, ...pick(b) } };
}

function pick(b: Record<string, unknown>): RawLeiInput {
  const out: RawLeiInput = {};
  for (const key of ["caller_id", "query", "start", "limit", "offset"] as const) {
    if (b[key] !== undefined && b[key] !== null) out[key] = b[key];
  }
  return out;
}

export async function leiLocation(core: SandboxCore, req: Request, url: URL): Promise<Response> {
  core.counts.rapidsos.location += 1;
  const failed = await applyFault(core, "rapidsos", req);
  if (failed) return failed;

  const token = bearerToken(req);
  if (token === null) return json(FAULT_MISSING, 401);
  const check = core.credentials.check("rapidsos", token, core.clock.now());
  if (!check.ok) return json(check.reason === "expired" ? FAULT_EXPIRED : FAULT_INVALID, 401);

  const rate = core.leiLimiter.hit(check.token.clientId);
  if (!rate.ok) {
    return detail(429, "Too many requests. Please try again later", { "retry-after": String(rate.retryAfterSeconds) });
  }

  if (req.method === "OPTIONS") return json({ name: "Location", renders: ["application/json"] }, 200, { allow: LEI_ALLOW.join(", ") });
  if (!(LEI_ALLOW as readonly string[]).includes(req.method)) return methodNotAllowed(req.method, LEI_ALLOW);

  let input: RawLeiInput;
  if (req.method === "POST") {
    const got = await postInput(req, url);
    if (!got.ok) return got.response;
    input = got.input;
  } else {
    input = Object.fromEntries(url.searchParams) as RawLeiInput;
  }
  const parsed = parseLeiInput(input);
  if (!parsed.ok) return detail(400, parsed.detail);
  const params = parsed.value;

  // A call a device or app started through Emergency WorkFlow answers before the scripted scenario.
  const now = core.clock.now();
  const deviceCall = core.workflow.servedCall(params.callerId, now);
  const served = deviceCall ? core.workflow.records(deviceCall, now) : core.scenario.servedRecords(params.callerId, now);
  const page = selectPage(served, params);
  if (!page) return notFound();
  const next =
    page.nextOffset !== null && page.limit !== null
      ? nextUrl(url.origin, url.pathname, params, page.limit, page.nextOffset)
      : null;
  return json({ next, results: page.results.map((r) => r.wire) });
}
