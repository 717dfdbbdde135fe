/**
 * The Data Share webhook, as the RapidSOS Data Share Partner Guide specifies it: a signed, unauthenticated POST answered 200
 * (accepted), 400 (malformed) or 401 (bad signature). In order: read the raw body under a cap,
 * verify the signature over exactly those bytes, only then parse and validate, dedupe by the body's
 * digest, store, answer — and announce the share after the answer is on its way.
 * Every accepted delivery leaves one audit row, and so does every refused one until its source's
 * bucket of rejections is empty (rejection-limiter.ts); past that, refusals are answered 429 and
 * audited as one row per source per minute. A refused delivery leaves nothing else.
 */
import "server-only";
import { createHash } from "node:crypto";
import { recordAudit, type AuditEvent } from "@/lib/audit/record";
import type { AuditOutcome } from "@/lib/audit/actions";
import type { Secret } from "@/lib/config/secret";
import type { Db } from "@/lib/db/client";
import { isHttpError, jsonResponse, readBytes, type RequestMeta } from "@/lib/server/http";
import { log } from "@/lib/server/log";
import { parsePayload, type PayloadVariants } from "./payload";
import type { RejectionLimiter } from "./rejection-limiter";
import type { SealKey } from "./seal";
import { SIGNATURE_HEADER, verifySignature } from "./signature";
import { storeDelivery, type StoredDelivery } from "./store";

/** Real deliveries are a few hundred bytes; the cap keeps a hostile body from costing memory. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface DatashareDeps {
  db: Db;
  /** Every secret currently accepted (rotation: the new one and the old one). */
  secrets: readonly Secret[];
  sealKey: SealKey;
  /** Runs a task after the response has been sent (Next's `after`). */
  defer: (task: () => Promise<void>) => void;
  /** Follow-up work for a newly accepted share: nudge consoles, start polling LEI. */
  onAccepted: (stored: Extract<StoredDelivery, { status: "accepted" }>) => Promise<void>;
  /** Bounds what unsigned garbage may cost; absent: every refusal is audited on its own row. */
  limiter?: RejectionLimiter;
  now?: () => number;
}

type Reason =
  | "too_large"
  | "unreadable"
  | "signature_missing"
  | "signature_malformed"
  | "signature_mismatch"
  | "no_secret_configured"
  | "not_json"
  | "invalid_field";

const UNSIGNED = new Set<Reason>(["too_large", "unreadable", "signature_missing", "signature_malformed", "signature_mismatch", "no_secret_configured"]);

const SIGNATURE_TEXT: Record<string, string> = {
  signature_missing: "The X-RapidSOS-Signature header is missing.",
  signature_malformed: "X-RapidSOS-Signature must be 40 hexadecimal characters (HMAC-SHA1).",
  signature_mismatch: "The signature does not match the body.",
  no_secret_configured: "The signature cannot be checked.",
};

export async function receiveDelivery(req: Request, meta: RequestMeta, deps: DatashareDeps): Promise<Response> {
  const audit = (outcome: AuditOutcome, detail: Record<string, unknown>, phone: string | null = null): AuditEvent => ({
    action: "datashare.received",
    outcome,
    meta,
    phone,
    detail: { ...detail, requestId: meta.requestId },
  });
  const refuse = async (status: 400 | 401, reason: Reason, text: string, detail: Record<string, unknown> = {}, phone: string | null = null) => {
    // Only what anyone can send (no valid signature) takes from the source's bucket.
    const admission = UNSIGNED.has(reason) ? deps.limiter?.admit(meta.ip ?? "unknown", reason, (deps.now ?? Date.now)()) : undefined;
    if (admission && !admission.audit) {
      return jsonResponse(
        { error: "too_many_rejections", detail: "Too many rejected deliveries from this address. Retry later." },
        { status: 429, headers: { "retry-after": String(admission.retryAfterSeconds) } },
      );
    }
    try {
      await recordAudit(audit(status === 401 ? "denied" : "failure", { reason, ...detail }, phone), deps.db);
    } catch (err) {
      // The answer is still right; the missing row is an operational problem worth an alert.
      log().error({ err, reason }, "Data Share refusal could not be audited");
    }
    return jsonResponse(
      { error: status === 401 ? "invalid_signature" : "bad_request", detail: text },
      { status },
    );
  };

  let body: Uint8Array;
  try {
    body = await readBytes(req, MAX_BODY_BYTES);
  } catch (err) {
    // The document allows 200/400/401 only: an oversized body is a malformed request here.
    if (isHttpError(err) && err.status === 413) {
      return refuse(400, "too_large", `The body is larger than ${MAX_BODY_BYTES} bytes.`, { maxBytes: MAX_BODY_BYTES });
    }
    return refuse(400, "unreadable", "The body could not be read.");
  }
  const size = { bytes: body.byteLength };

  if (deps.secrets.length === 0) log().error("Data Share delivery refused: no DATASHARE_SECRETS configured");
  const signature = verifySignature(body, req.headers.get(SIGNATURE_HEADER), deps.secrets);
  if (!signature.ok) {
    return refuse(401, signature.reason, SIGNATURE_TEXT[signature.reason] ?? "Invalid signature.", {
      ...size,
      keysTried: deps.secrets.length,
    });
  }
  const keyUsed = { matched: signature.secretIndex + 1, of: deps.secrets.length };

  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return refuse(400, "not_json", "The body is not valid UTF-8 JSON.", { ...size, keyUsed });
  }
  const parsed = parsePayload(data);
  if (!parsed.ok) {
    const text = `${parsed.field}: ${parsed.detail}`;
    return refuse(400, "invalid_field", text, { field: parsed.field, problem: parsed.detail, ...size, keyUsed }, parsed.phone);
  }

  const { payload, variants, unknownFields } = parsed;
  const accepted = (stored: StoredDelivery): AuditEvent =>
    audit(
      "success",
      {
        reason: stored.status === "replay" ? "replay" : "accepted",
        deliveryId: stored.deliveryId,
        callId: stored.callId,
        ...(stored.status === "accepted" ? { share: stored.share } : {}),
        fields: describeFields(variants, payload.eccAccountId, payload.incident !== null),
        unknownFields,
        ...size,
        keyUsed,
      },
      payload.phone,
    );

  let stored: StoredDelivery;
  try {
    stored = await storeDelivery(
      deps.db,
      {
        payload,
        bodySha256: createHash("sha256").update(body).digest("hex"),
        accessTokenSealed: deps.sealKey.seal(payload.accessToken),
      },
      accepted,
    );
  } catch (err) {
    log().error({ err, requestId: meta.requestId }, "Data Share delivery could not be stored");
    await recordAudit(audit("error", { reason: "storage_failed", ...size }, payload.phone), deps.db).catch(() => undefined);
    // A 500 tells RapidSOS the share did not land, which is true; a 200 here would lose a 911 call.
    return jsonResponse({ error: "internal", detail: "The share could not be stored. Please retry." }, { status: 500 });
  }

  if (stored.status === "accepted") {
    const done = stored;
    deps.defer(async () => {
      try {
        await deps.onAccepted(done);
      } catch (err) {
        log().warn({ err, callId: done.callId }, "Data Share follow-up failed; polling will still find the call");
      }
    });
  }
  return jsonResponse({ status: "accepted", ...(stored.status === "replay" ? { duplicate: true } : {}) });
}

/** What the audit row says about the payload's shape: field names, never values of secrets. */
function describeFields(variants: PayloadVariants, eccAccountId: string | null, hasIncident: boolean) {
  return {
    phone: variants.phone,
    incident: variants.incident,
    incidentUsable: hasIncident,
    eccAccountId: variants.eccAccountId,
    eccAccount: eccAccountId,
    bbox: variants.bbox,
  };
}
