/**
 * The second net under the audit trail: callers are expected never to pass a secret, but if a
 * detail object carries one under a telling name, or a value that looks like a bearer token, it is
 * replaced before the row is written.
 */
export const REDACTED = "[redacted]";

// Compared against the key lower-cased with "-" and "_" removed, so "access_token",
// "clientSecret" and "X-Api-Key" are all caught.
const SECRET_KEY_PARTS = [
  "token",
  "secret",
  "password",
  "passwd",
  "passphrase",
  "authorization",
  "cookie",
  "apikey",
  "credential",
  "privatekey",
  "sessionid",
  "signingkey",
];

const SECRET_VALUE_PATTERNS = [
  /^(bearer|basic)\s+\S+/i, // an Authorization header value
  /^eyJ[\w-]+\.[\w-]*\.[\w-]*/, // a JWT / JWS
  /^eyJ[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/, // a JWE
  /^scrypt\$/, // one of our own password hashes
];

const MAX_DEPTH = 6;
const MAX_STRING = 2000;
const MAX_ARRAY = 100;

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_\s]/g, "");
  return SECRET_KEY_PARTS.some((part) => k.includes(part));
}

export function looksLikeSecretValue(value: string): boolean {
  return SECRET_VALUE_PATTERNS.some((re) => re.test(value.trim()));
}

/** A JSON-safe copy of `detail` with secrets replaced, long strings cut and depth bounded. */
export function scrubDetail(detail: Record<string, unknown>): Record<string, unknown> {
  const out = scrubValue(detail, 0);
  return out && typeof out === "object" && !Array.isArray(out) ? (out as Record<string, unknown>) : {};
}

function scrubValue(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    if (looksLikeSecretValue(value)) return REDACTED;
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (Array.isArray(value)) {
    return value.slice(0, MAX_ARRAY).map((v) => scrubValue(v, depth + 1));
  }
  if (typeof value === "object") {
    // Objects that know how to hide themselves (Secret) say "[redacted]" through toJSON.
    const toJson = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof toJson === "function") return scrubValue(toJson.call(value), depth + 1);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      out[key] = isSecretKey(key) ? REDACTED : scrubValue(v, depth + 1);
    }
    return out;
  }
  return null; // functions, symbols
}
