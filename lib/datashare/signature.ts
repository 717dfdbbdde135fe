/**
 * `X-RapidSOS-Signature`: HMAC-SHA1 of the raw request body with the shared secret, 40 hex
 * characters (the RapidSOS Data Share Partner Guide and its handler OpenAPI). Checked against every configured
 * secret so a secret can be rotated without refusing deliveries signed with the previous one.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Secret } from "@/lib/config/secret";

export const SIGNATURE_HEADER = "x-rapidsos-signature";

const SHA1_BYTES = 20;
/** Exactly 40 hex digits; case does not change the MAC bytes. No "sha1=" prefix, no spaces. */
const HEX_SIGNATURE = /^[0-9a-fA-F]{40}$/;

export type SignatureCheck =
  | { ok: true; /** Which configured secret matched (0 = the first), never the secret itself. */ secretIndex: number }
  | { ok: false; reason: "signature_missing" | "signature_malformed" | "signature_mismatch" | "no_secret_configured" };

/** The signature RapidSOS would send for `body` (lowercase hex). */
export function signBody(secret: string | Buffer, body: string | Uint8Array): string {
  return createHmac("sha1", secret).update(body).digest("hex");
}

export function verifySignature(
  body: Uint8Array,
  header: string | null,
  secrets: readonly Secret[],
): SignatureCheck {
  if (header === null || header.trim() === "") return { ok: false, reason: "signature_missing" };
  if (!HEX_SIGNATURE.test(header)) return { ok: false, reason: "signature_malformed" };
  if (secrets.length === 0) return { ok: false, reason: "no_secret_configured" };
  const given = Buffer.from(header, "hex");
  let matched = -1;
  // Every secret is tried even after a match, so timing does not reveal which one is current.
  secrets.forEach((secret, i) => {
    const expected = createHmac("sha1", secret.reveal()).update(body).digest();
    if (expected.length === given.length && given.length === SHA1_BYTES && timingSafeEqual(expected, given)) {
      if (matched < 0) matched = i;
    }
  });
  return matched >= 0 ? { ok: true, secretIndex: matched } : { ok: false, reason: "signature_mismatch" };
}
