/**
 * The sandbox playing RapidSOS Portal's part in Data Share (RapidSOS Data Share Partner Guide): list the simulated
 * 911 calls, and when a telecommunicator shares one, obtain an LEI token the way RapidSOS would
 * hand one over, sign the JSON body with the partner's secret key and POST it to the handler URL.
 * The control API uses the same path, plus deliberately broken deliveries for tests.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { AppConfig } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import { SIGNATURE_HEADER, signBody } from "@/lib/datashare/signature";
import type { Sandbox } from "@/sandbox";
import { sandboxRapidsosToken, SandboxTokenError } from "../tokens";
import { checkPartner } from "./partner";
import { SIGNATURE_MODES, type DeliveryAttempt, type PortalCall, type PortalState, type ShareResult, type SignatureMode } from "./types";

/** The sandbox Portal account's jurisdiction (the RapidSOS Data Share Partner Guide suggests e.g. Pittsburgh, PA): Allegheny County. */
export const SANDBOX_JURISDICTION = {
  name: "Allegheny County, PA",
  eccAccountId: "sandbox-ecc-allegheny-county",
  bbox: { west: -80.361, south: 40.194, east: -79.688, north: 40.674 },
} as const;

const DELIVERY_TIMEOUT_MS = 10_000;
const RESPONSE_PREVIEW_CHARS = 1_000;

export const shareRequestSchema = z
  .object({
    /** A caller in the sandbox; default: the newest active call. */
    phone: z.string().trim().regex(/^1\d{10}$/, "phone: digits with country code, e.g. 14125550101").optional(),
    signature: z.enum(SIGNATURE_MODES).default("valid"),
    /** Sign with this configured secret (0 = current); a rotation test signs with an older one. */
    secretIndex: z.number().int().min(0).max(20).default(0),
    /** Sent instead of the generated JSON (and signed as the mode says): malformed bodies. */
    body: z.string().max(256 * 1024).optional(),
    /** Merged into the generated payload; null removes a field. */
    fields: z.record(z.string(), z.unknown()).optional(),
    /** Send the same bytes this many times, as RapidSOS retrying would. */
    repeat: z.number().int().min(1).max(5).default(1),
  })
  .strict();
export type ShareRequest = z.input<typeof shareRequestSchema>;

export class PortalError extends Error {
  constructor(
    readonly status: 400 | 409 | 502,
    message: string,
  ) {
    super(message);
    this.name = "PortalError";
  }
}

export function portalState(sandbox: Sandbox, config: Pick<AppConfig, "datashare">): PortalState {
  const snapshot = sandbox.snapshot();
  const calls: PortalCall[] = snapshot.callers
    .filter((c) => c.status === "active")
    .sort((a, b) => b.callStart - a.callStart)
    .map((c) => ({ phone: c.phone, callerName: c.callerName, kind: c.kind, callStart: c.callStart, latest: c.latest }));
  // Calls a device or app started through Emergency WorkFlow can be shared like any other.
  const deviceCalls = sandbox.workflow
    .views(snapshot.now)
    .filter((c) => c.status === "active")
    .map((c) => ({ phone: c.phone, callerName: c.callerName, kind: c.kind === "voice" ? "Device (Connect to 9-1-1)" : "Device (Data Connect)", callStart: c.callStart, latest: c.latest && { lat: c.latest.lat, lon: c.latest.lon } }));
  calls.push(...deviceCalls.filter((d) => !calls.some((c) => c.phone === d.phone)));
  calls.sort((a, b) => b.callStart - a.callStart);
  return { partner: checkPartner(config).view, calls, now: snapshot.now };
}

/** An LEI token from the sandbox's own RapidSOS OAuth endpoint, as RapidSOS would include one. */
export async function issueSandboxToken(sandbox: Sandbox): Promise<Secret> {
  try {
    return new Secret(await sandboxRapidsosToken((req) => sandbox.handle(req), "http://sandbox.internal/sandbox/rapidsos"));
  } catch (err) {
    if (err instanceof SandboxTokenError) throw new PortalError(502, err.message);
    throw err;
  }
}

/** The delivery RapidSOS sends: the fields the excerpt requires plus location and ECC account. */
export function deliveryPayload(input: {
  phone: string;
  accessToken: Secret;
  latest: { lat: number; lon: number } | null;
}): Record<string, unknown> {
  const { bbox, eccAccountId } = SANDBOX_JURISDICTION;
  return {
    query: `tel://${input.phone}`,
    access_token: input.accessToken.reveal(),
    ...(input.latest ? { incident_location: { latitude: input.latest.lat, longitude: input.latest.lon } } : {}),
    ecc_account_id: eccAccountId,
    bounding_box: { min_lat: bbox.south, min_lon: bbox.west, max_lat: bbox.north, max_lon: bbox.east },
  };
}

export function signatureFor(mode: SignatureMode, body: string, secret: Secret): string | null {
  const valid = signBody(secret.reveal(), body);
  switch (mode) {
    case "valid":
      return valid;
    case "missing":
      return null;
    case "uppercase":
      return valid.toUpperCase();
    case "malformed":
      return `sha1=${valid}`;
    case "wrong":
      return signBody(`not-the-partner-secret-${randomBytes(8).toString("hex")}`, body);
  }
}

export async function postDelivery(url: string, body: string, signature: string | null): Promise<DeliveryAttempt> {
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "RapidSOS-DataShare-Sandbox/1.0",
        ...(signature === null ? {} : { [SIGNATURE_HEADER]: signature }),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, ms: Date.now() - started, response: text.slice(0, RESPONSE_PREVIEW_CHARS) };
  } catch (err) {
    const why = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return { status: null, ms: Date.now() - started, response: `No answer: ${why}` };
  }
}

/** Share one sandbox call with the configured partner, as Portal does after the confirmation. */
export async function shareFromPortal(
  sandbox: Sandbox,
  config: Pick<AppConfig, "datashare">,
  input: ShareRequest,
): Promise<ShareResult> {
  const request = shareRequestSchema.parse(input);
  const partner = checkPartner(config);
  if (!partner.ok) throw new PortalError(409, `The partner configuration is not usable: ${partner.view.problems.join("; ")}`);
  const secret = config.datashare.secrets[request.secretIndex];
  if (!secret) throw new PortalError(400, `secretIndex: only ${config.datashare.secrets.length} secret(s) are configured`);

  const calls = portalState(sandbox, config).calls;
  const phone = request.phone ?? calls[0]?.phone;
  if (!phone) throw new PortalError(409, "No active 911 call in the sandbox to share.");
  let body = request.body;
  if (body === undefined) {
    const payload = deliveryPayload({
      phone,
      accessToken: await issueSandboxToken(sandbox),
      latest: calls.find((c) => c.phone === phone)?.latest ?? null,
    });
    for (const [key, value] of Object.entries(request.fields ?? {})) {
      if (value === null) delete payload[key];
      else payload[key] = value;
    }
    body = JSON.stringify(payload);
  }
  const signature = signatureFor(request.signature, body, secret);
  const attempts: DeliveryAttempt[] = [];
  for (let i = 0; i < request.repeat; i++) {
    attempts.push(await postDelivery(partner.partner.handlerUrl, body, signature));
  }
  return {
    phone,
    handlerUrl: partner.partner.handlerUrl,
    signature: request.signature,
    bodyBytes: Buffer.byteLength(body),
    attempts,
  };
}
