/**
 * Read our session id out of the Auth.js session cookie (an encrypted JWT). Only the cookie counts:
 * a bearer token in an Authorization header is not a way into the app.
 */
import "server-only";
import { createHash } from "node:crypto";
import { getToken } from "next-auth/jwt";
import { getConfig } from "@/lib/config/env";
import { LruMap } from "@/lib/server/lru";
import { getAuthSecret } from "./auth-secret";

export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/**
 * Decrypting the cookie (a key derivation and a JWE decryption) was the costliest step of every
 * poll, and a given cookie always decrypts to the same thing: what it said is remembered until the
 * token's own expiry (a cookie that is not ours, for a minute). Whether the session is still alive
 * is not remembered here: request.ts asks the session cache, which forgets a session the moment it
 * ends. Memory only, bounded.
 */
const decoded = new LruMap<string, { sid: string | null; until: number }>(2_000);
const REFUSED_FOR_MS = 60_000;

export async function readSessionId(headers: Headers): Promise<string | null> {
  const now = Date.now();
  const cookie = headers.get("cookie") ?? "";
  if (!cookie.includes(SESSION_COOKIE)) return null;
  // Auth.js names the cookie after the scheme it was set over (https → __Secure- prefix). With an
  // https APP_URL only the Secure one counts: a cookie that travelled over plain http is not ours.
  const secureCookie = getConfig().appUrl.startsWith("https://") || cookie.includes(SECURE_SESSION_COOKIE);
  // Keyed by a digest: the map holds no cookie, and a long cookie header costs 43 bytes.
  const key = createHash("sha256").update(`${secureCookie}|${cookie}`).digest("base64url");
  const known = decoded.get(key);
  if (known && now < known.until) return known.sid;
  const onlyCookies = new Headers({ cookie });
  const token = await getToken({
    req: { headers: onlyCookies },
    secret: getAuthSecret().secret.reveal(),
    secureCookie,
  });
  const sid = typeof token?.sid === "string" && token.sid.length > 0 ? token.sid : null;
  const expires = typeof token?.exp === "number" ? token.exp * 1000 : now;
  decoded.set(key, { sid, until: sid ? expires : now + REFUSED_FOR_MS });
  return sid;
}
