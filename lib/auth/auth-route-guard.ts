/**
 * What runs before Auth.js sees a POST to /api/auth/*: the body is read under a cap (Auth.js would
 * read any size), and a sign-in from a source that must wait is answered 429 with Retry-After
 * before any account, password or audit row is touched (source-throttle.ts).
 */
import "server-only";
import { NextRequest } from "next/server";
import { jsonResponse, readBytes, type RequestMeta } from "@/lib/server/http";
import { authDb } from "./db";
import { checkSource, sourceKey } from "./source-throttle";

/** A sign-in form is an e-mail, a password, a csrf token and a callback URL: a few hundred bytes. */
export const AUTH_BODY_MAX_BYTES = 16 * 1024;

export function throttledResponse(retryAfterSeconds: number): Response {
  return jsonResponse(
    { error: "too_many_attempts", detail: `Too many failed sign-ins from this address. Try again in ${retryAfterSeconds} s.` },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds) } },
  );
}

export async function guardAuthPost(req: Request, meta: RequestMeta, now = new Date()): Promise<NextRequest | Response> {
  const body = await readBytes(req, AUTH_BODY_MAX_BYTES);
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const gate = await checkSource(await authDb(), sourceKey(meta), now);
    if (!gate.allowed) return throttledResponse(gate.retryAfterSeconds);
  }
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body: Uint8Array.from(body) });
}

