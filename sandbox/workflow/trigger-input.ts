/**
 * Validating a `POST /v1/rem/trigger` body the way the WorkFlow platform would (RapidSOS Emergency
 * WorkFlow API): a JSON object with `callflow` and `variables`; for the 911 flows a phone number with
 * country code and a device location. Coordinates and uncertainty arrive as strings in real traffic
 * (document 002's snippet, the alert_create_location_update sample), so numeric strings are numbers;
 * a word where a number belongs, or a number where a name or phone number belongs, is refused with
 * a message that names the field.
 */

/** The serialized `variables` may be at most this big (a device's data, not a file upload). */
export const MAX_VARIABLES_BYTES = 16 * 1024;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export interface TriggerBody {
  callflow: string;
  variables: Record<string, unknown>;
}

export interface DeviceFix {
  latitude: number;
  longitude: number;
  /** Metres; null when the device sent none. */
  uncertainty: number | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The envelope: JSON object, `callflow` a non-empty string, `variables` an object of bounded size. */
export function checkEnvelope(text: string): Checked<TriggerBody> {
  let body: unknown;
  try {
    body = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    return { ok: false, message: "The request body is not valid JSON." };
  }
  if (!isObject(body)) return { ok: false, message: "The request body must be a JSON object with callflow and variables." };
  if (body.callflow === undefined) return { ok: false, message: "callflow is required." };
  if (typeof body.callflow !== "string" || body.callflow.trim() === "") return { ok: false, message: "callflow must be a non-empty string." };
  if (body.variables === undefined) return { ok: false, message: "variables is required (a JSON object)." };
  if (!isObject(body.variables)) return { ok: false, message: "variables must be a JSON object." };
  const size = Buffer.byteLength(JSON.stringify(body.variables));
  if (size > MAX_VARIABLES_BYTES) {
    return { ok: false, message: `variables is too large (${size} bytes; at most ${MAX_VARIABLES_BYTES}).` };
  }
  return { ok: true, value: { callflow: body.callflow.trim(), variables: body.variables } };
}

/** A number, or a string that is one ("39.285270"); anything else is named as the problem. */
export function numberField(raw: unknown, path: string): Checked<number> {
  if (typeof raw === "number" && Number.isFinite(raw)) return { ok: true, value: raw };
  if (typeof raw === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw)) return { ok: true, value: Number(raw) };
  if (raw === undefined || raw === null) return { ok: false, message: `${path} is required.` };
  return { ok: false, message: `${path} must be a number (got ${JSON.stringify(raw).slice(0, 40)}).` };
}

export function stringField(raw: unknown, path: string, max = 200): Checked<string> {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return { ok: false, message: `${path} is required.` };
  if (typeof raw !== "string") return { ok: false, message: `${path} must be a string (got ${typeof raw}).` };
  if (raw.length > max) return { ok: false, message: `${path} is longer than ${max} characters.` };
  return { ok: true, value: raw.trim() };
}

/** "+14125550150", "1 (412) 555-0150" → "14125550150"; a 10-digit number is refused: the country code must be there. */
export function phoneField(raw: unknown, path: string): Checked<string> {
  const s = stringField(raw, path, 40);
  if (!s.ok) return s;
  const digits = s.value.replace(/[\s().-]/g, "").replace(/^\+/, "");
  if (!/^\d+$/.test(digits)) return { ok: false, message: `${path} must contain only digits (with country code), e.g. +14125550150.` };
  if (digits.length === 10) {
    return { ok: false, message: `${path} has no country code: send +1${digits} for a U.S. number.` };
  }
  if (!/^1\d{10}$/.test(digits)) return { ok: false, message: `${path} must be a U.S. number with country code, e.g. +14125550150.` };
  return { ok: true, value: digits };
}

/** `{latitude, longitude, uncertainty}` at `path`, in range. */
export function fixField(raw: unknown, path: string): Checked<DeviceFix> {
  if (raw === undefined || raw === null) return { ok: false, message: `${path} is required (latitude, longitude, uncertainty).` };
  if (!isObject(raw)) return { ok: false, message: `${path} must be an object with latitude, longitude and uncertainty.` };
  const lat = numberField(raw.latitude, `${path}.latitude`);
  if (!lat.ok) return lat;
  if (lat.value < -90 || lat.value > 90) return { ok: false, message: `${path}.latitude must be between -90 and 90 (got ${lat.value}).` };
  const lon = numberField(raw.longitude, `${path}.longitude`);
  if (!lon.ok) return lon;
  if (lon.value < -180 || lon.value > 180) return { ok: false, message: `${path}.longitude must be between -180 and 180 (got ${lon.value}).` };
  let uncertainty: number | null = null;
  if (raw.uncertainty !== undefined && raw.uncertainty !== null && raw.uncertainty !== "") {
    const u = numberField(raw.uncertainty, `${path}.uncertainty`);
    if (!u.ok) return u;
    if (u.value < 0 || u.value > 100_000) return { ok: false, message: `${path}.uncertainty must be between 0 and 100000 metres (got ${u.value}).` };
    uncertainty = u.value;
  }
  return { ok: true, value: { latitude: lat.value, longitude: lon.value, uncertainty } };
}

export interface CallTrigger {
  phone: string;
  fullName: string;
  fix: DeviceFix;
}

/**
 * The 911 flows (Data Connect, Connect to 9-1-1): name, phone number and location are required
 * (document 002: "All API calls require user_name, user_phone, and location"). The person may be
 * `caller_info` (002's snippet) or `user` (the alert sample); the location `location`.
 */
export function checkCallTrigger(variables: Record<string, unknown>): Checked<CallTrigger> {
  const personKey = variables.caller_info !== undefined ? "caller_info" : variables.user !== undefined ? "user" : null;
  if (personKey === null) return { ok: false, message: "variables.caller_info is required (full_name, phone_number)." };
  const person = variables[personKey];
  if (!isObject(person)) return { ok: false, message: `variables.${personKey} must be an object with full_name and phone_number.` };
  const name = stringField(person.full_name, `variables.${personKey}.full_name`);
  if (!name.ok) return name;
  const phone = phoneField(person.phone_number, `variables.${personKey}.phone_number`);
  if (!phone.ok) return phone;
  const fix = fixField(variables.location, "variables.location");
  if (!fix.ok) return fix;
  return { ok: true, value: { phone: phone.value, fullName: name.value, fix: fix.value } };
}
