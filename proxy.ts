/**
 * Per-request Content-Security-Policy with a fresh nonce for every page (Next applies the nonce to its
 * own scripts). Authentication is not done here: every route handler and page checks it itself.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config/env";
import { contentSecurityPolicy } from "@/lib/server/security-headers";

export function proxy(request: NextRequest) {
  const config = getConfig();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({
    nonce,
    mapStyleUrl: config.mapStyleUrl,
    dev: config.nodeEnv === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: API answers, static files and map data need no script policy.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|basemap/|glyphs/|tiles/|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
