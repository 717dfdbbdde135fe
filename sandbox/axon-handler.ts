/**
 * Axon as independent clients use it (the Axon Respond device-state search as public clients use it): the client-credentials
 * token endpoint with `partner_id`, and the Respond device-state search.
 * Axon's error bodies are not public; these follow OAuth 2.0 (RFC 6749 §5.2, RFC 6750 §3).
 */
import { z } from "zod";
import { applyFault, type SandboxCore } from "./core";
import type { AxonScope } from "./credentials";
import type { DeviceReport } from "./device-state";
import { json, readJsonBody, readText } from "./http";
import { uuidFrom } from "./rng";

export const AXON_PARTNER_NAME = "Pittsburgh Bureau of Police (Sandbox)";
export const AXON_MAX_PAGE = 2000;
const DEFAULT_PAGE = 100;

const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}) =>
  json({ error, error_description: description }, status, headers);

export async function axonToken(core: SandboxCore, req: Request): Promise<Response> {
  core.counts.axon.token += 1;
  if (req.method !== "POST") return oauthError(405, "invalid_request", "Use POST.", { allow: "POST" });
  const form = new URLSearchParams(await readText(req));
  const grantType = form.get("grant_type") ?? "";
  const partnerId = form.get("partner_id") ?? "";
  const clientId = form.get("client_id") ?? "";
  const secret = form.get("client_secret") ?? "";
  if (grantType === "") return oauthError(400, "invalid_request", "grant_type is required.");
  if (grantType !== "client_credentials") return oauthError(400, "unsupported_grant_type", `grant_type "${grantType}" is not supported.`);
  if (partnerId === "" || clientId === "" || secret === "") {
    return oauthError(400, "invalid_request", "partner_id, client_id and client_secret are required.");
  }
  const client = core.credentials.checkAxonClient(partnerId, clientId, secret);
  if (!client) return oauthError(401, "invalid_client", "Client authentication failed.");
  const now = core.clock.now();
  const { accessToken, token } = core.credentials.issue("axon", client.clientId, now, core.tokenTtlSeconds);
  return json({
    access_token: accessToken,
    token_type: "bearer",
    expires_in: core.tokenTtlSeconds,
    expires_on: token.expiresAt,
    not_before: now,
    version: "1.0",
    entity: { type: "client", id: client.clientId, partner_id: client.partnerId },
  });
}

const searchBody = z.object({
  from: z.number().int().min(0).default(0),
  size: z.number().int().min(0).default(DEFAULT_PAGE),
});

export async function axonSearch(core: SandboxCore, req: Request, url: URL): Promise<Response> {
  core.counts.axon.search += 1;
  const failed = await applyFault(core, "axon", req);
  if (failed) return failed;
  if (req.method !== "POST") return oauthError(405, "invalid_request", "Use POST.", { allow: "POST" });

  const header = req.headers.get("authorization");
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const bearer = { "www-authenticate": 'Bearer error="invalid_token"' };
  if (!m) return oauthError(401, "invalid_token", "A bearer access token is required.", { "www-authenticate": "Bearer" });
  const check = core.credentials.check("axon", m[1] as string, core.clock.now());
  if (!check.ok) {
    const why = { unknown: "The access token is invalid.", expired: "The access token has expired.", revoked: "The API client of this access token was deleted." };
    return oauthError(401, "invalid_token", why[check.reason], bearer);
  }
  const client = core.credentials.axonClient(check.token.clientId);
  const scopes = new Set<AxonScope>(client?.scopes ?? []);
  if ((req.headers.get("client-type") ?? "").trim().toUpperCase() !== "EXTERNAL") {
    return oauthError(400, "invalid_request", "The Client-Type header must be EXTERNAL.");
  }
  const body = await readJsonBody(req);
  if (!body.ok) return oauthError(400, "invalid_request", `The body is not valid JSON: ${body.error}`);
  const parsed = searchBody.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return oauthError(400, "invalid_request", `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  const from = parsed.data.from;
  const size = Math.min(parsed.data.size, AXON_MAX_PAGE);
  const now = core.clock.now();
  // Without Device state.any.read Axon answers 200 with its meta and no `data` at all, as public
  // clients report it (etl-axon: "Is the API Token Scoped Correctly?").
  if (!scopes.has("device.state.any.read")) {
    return json({ meta: { correlationId: uuidFrom(core.seed, "correlation", now, from, size), serverTimestamp: now } });
  }
  const reports = core.scenario.deviceReports(now);
  const page = reports.slice(from, from + size);
  return json({
    meta: {
      correlationId: uuidFrom(core.seed, "correlation", now, from, size),
      serverTimestamp: now,
      totalHits: reports.length,
      count: page.length,
    },
    data: page.map((r) => deviceJson(r, scopes, url.origin, client?.partnerId ?? "")),
  });
}

export function deviceJson(r: DeviceReport, scopes: ReadonlySet<AxonScope>, origin: string, partnerId: string) {
  const d = r.device;
  const assignees = [d.officer, d.partner]
    .filter((o) => o !== null)
    .map((o, i) => ({ assigneeType: "USER", firstName: o.firstName, lastName: o.lastName, badgeNumber: o.badgeNumber, userId: o.userId, primary: i === 0 }));
  return {
    partnerId,
    partnerName: AXON_PARTNER_NAME,
    axonDeviceId: d.id,
    deviceModel: d.model,
    deviceUpdateTimestamp: r.reportedAt,
    attributes: {
      deviceSerial: d.serial,
      status: r.status,
      stream: r.stream,
      links: { view: `${origin}/sandbox/axon/respond/devices/${d.id}` },
      ...(scopes.has("respond.any.locate")
        ? { location: { latitude: r.location.lat, longitude: r.location.lon, accuracy: r.location.accuracyM, locationUpdateTimestamp: r.location.at } }
        : {}),
      batteries: [{ batteryPercentage: r.batteryPct }],
      signalStrengths: [{ signalStrength: r.signal }],
      // Without Users read Axon leaves the assignees out of every device.
      ...(scopes.has("users.read") ? { assignees } : {}),
    },
  };
}
