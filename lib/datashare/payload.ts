/**
 * The Data Share payload. RapidSOS's public excerpt names only `access_token`, `query` ("tel://…")
 * and `bounding_box` (all required) before it breaks off, so the other fields are read under the
 * names partners commonly meet, and the variant found is reported for the audit trail. Fields we do
 * not know are ignored; fields we know are checked strictly (a bad one is a 400 naming it).
 */
import "server-only";
import { Secret } from "@/lib/config/secret";
import { InvalidPhoneNumberError, normalizePhoneNumber } from "@/lib/phone/normalize";
import { PayloadError } from "./payload-error";
import { parseBoundingBox, parseIncidentLocation, type BoundingBox, type LatLon } from "./payload-geo";

export type { BoundingBox, LatLon };

export interface DeliveryPayload {
  /** Digits with country code, as LEI wants them. */
  phone: string;
  accessToken: Secret;
  incident: LatLon | null;
  eccAccountId: string | null;
  /** [west, south, east, north]; west > east when the box crosses the antimeridian. */
  bbox: BoundingBox;
}

/** Which field name (and shape) each value came from. */
export interface PayloadVariants {
  phone: string;
  incident: string | null;
  eccAccountId: string | null;
  bbox: string;
}

export type PayloadResult =
  | { ok: true; payload: DeliveryPayload; variants: PayloadVariants; unknownFields: string[] }
  | { ok: false; field: string; detail: string; /** Known when the number itself was fine. */ phone: string | null };

export const PHONE_FIELDS = ["query", "phone_number", "phoneNumber", "phone", "caller_id", "callback_number"] as const;
export const ACCOUNT_FIELDS = ["ecc_account_id", "account_id", "eccAccountId"] as const;
export const BBOX_FIELDS = ["bounding_box", "boundingBox", "bbox"] as const;
export const LOCATION_FIELDS = ["incident_location", "location", "latitude", "longitude"] as const;
const TOKEN_FIELD = "access_token";
const KNOWN = new Set<string>([TOKEN_FIELD, ...PHONE_FIELDS, ...ACCOUNT_FIELDS, ...BBOX_FIELDS, ...LOCATION_FIELDS]);

const MAX_TOKEN_CHARS = 8192;
const MAX_ACCOUNT_CHARS = 200;
/** Names of unknown fields kept for the audit trail (names only, never values). */
const MAX_UNKNOWN_REPORTED = 20;

const present = (v: unknown) => v !== undefined && v !== null;

function firstOf<K extends string>(body: Record<string, unknown>, names: readonly K[]): [K, unknown] | null {
  for (const name of names) if (present(body[name])) return [name, body[name]];
  return null;
}

export function parsePayload(data: unknown): PayloadResult {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, field: "body", detail: "must be a JSON object", phone: null };
  }
  const body = data as Record<string, unknown>;
  let phone: string | null = null;
  try {
    const [phoneField, rawPhone] = firstOf(body, PHONE_FIELDS) ?? [null, null];
    if (phoneField === null) throw new PayloadError("query", "a phone number is required (query: \"tel://1…\")");
    phone = parsePhone(phoneField, rawPhone);
    const accessToken = parseToken(body[TOKEN_FIELD]);
    const incident = parseIncidentLocation(body);
    const account = firstOf(body, ACCOUNT_FIELDS);
    const eccAccountId = account ? parseAccount(account[0], account[1]) : null;
    const boxField = firstOf(body, BBOX_FIELDS);
    if (!boxField) throw new PayloadError("bounding_box", "is required");
    const bbox = parseBoundingBox(boxField[0], boxField[1]);
    const unknownFields = Object.keys(body)
      .filter((k) => !KNOWN.has(k))
      .slice(0, MAX_UNKNOWN_REPORTED)
      .map((k) => k.slice(0, 60));
    return {
      ok: true,
      payload: { phone, accessToken, incident: incident?.value ?? null, eccAccountId, bbox: bbox.value },
      variants: {
        phone: phoneField,
        incident: incident?.variant ?? null,
        eccAccountId: account ? account[0] : null,
        bbox: `${boxField[0]}:${bbox.variant}`,
      },
      unknownFields,
    };
  } catch (err) {
    if (err instanceof PayloadError) return { ok: false, field: err.field, detail: err.detail, phone };
    throw err;
  }
}

function parsePhone(field: string, raw: unknown): string {
  const text = typeof raw === "number" && Number.isSafeInteger(raw) && raw > 0 ? String(raw) : raw;
  if (typeof text !== "string") throw new PayloadError(field, "must be a phone number as a string");
  try {
    return normalizePhoneNumber(text);
  } catch (err) {
    throw new PayloadError(field, err instanceof InvalidPhoneNumberError ? err.detail : "is not a phone number");
  }
}

function parseToken(raw: unknown): Secret {
  if (!present(raw)) throw new PayloadError(TOKEN_FIELD, "is required");
  if (typeof raw !== "string") throw new PayloadError(TOKEN_FIELD, "must be a string");
  const token = raw.trim();
  if (token === "") throw new PayloadError(TOKEN_FIELD, "must not be empty");
  if (token.length > MAX_TOKEN_CHARS) throw new PayloadError(TOKEN_FIELD, `is longer than ${MAX_TOKEN_CHARS} characters`);
  // A token travels in an Authorization header: anything outside visible ASCII cannot be one.
  if (!/^[\x21-\x7e]+$/.test(token)) throw new PayloadError(TOKEN_FIELD, "holds characters a token cannot have");
  return new Secret(token);
}

/** An empty account id is read as "not sent": the share is still worth taking. */
function parseAccount(field: string, raw: unknown): string | null {
  const text = typeof raw === "number" && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (typeof text !== "string") throw new PayloadError(field, "must be a string");
  const id = text.trim();
  if (id === "") return null;
  if (id.length > MAX_ACCOUNT_CHARS) throw new PayloadError(field, `is longer than ${MAX_ACCOUNT_CHARS} characters`);
  if (/[\u0000-\u001f\u007f]/.test(id)) throw new PayloadError(field, "must not hold control characters");
  return id;
}
