/**
 * Read our session id out of the Auth.js session cookie (an encrypted JWT). Only the cookie counts:
 * a bearer token in an Authorization header is not a way into the app.
 */
import "server-only";
import { getToken } from "next-auth/jwt";
import { getConfig } from "@/lib/config/env";
import { getAuthSecret } from "./auth-secret";

export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

export async function readSessionId(headers: Headers): Promise<string | null> {
  const cookie = headers.get("cookie") ?? "";
  if (!cookie.includes(SESSION_COOKIE)) return null;
  // Auth.js names the cookie after the scheme it was set over (https → __Secure- prefix). With an
  // https APP_URL only the Secure one counts: a cookie that travelled over plain http is not ours.
  const secureCookie = getConfig().appUrl.startsWith("https://") || cookie.includes(SECURE_SESSION_COOKIE);
  const onlyCookies = new Headers({ cookie });
  const token = await getToken({
    req: { headers: onlyCookies },
    secret: getAuthSecret().secret.reveal(),
    secureCookie,
  });
  const sid = token?.sid;
  return typeof sid === "string" && sid.length > 0 ? sid : null;
}
