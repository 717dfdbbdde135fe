/**
 * Who is behind a request: the session cookie names a session, and the sessions table decides
 * whether it is still alive (see sessions.ts), through a cache that remembers an active check for a
 * few seconds and forgets it the moment the session ends anywhere (session-cache.ts). Used by
 * `withRole` for every protected route and by the page guard for every protected page.
 */
import "server-only";
import { getDatabase } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/server/http";
import { authDb } from "./db";
import { authPolicy } from "./policy";
import { sessionCache } from "./session-cache";
import { checkSession, TOUCH_GRANULARITY_MS, touchSession, type RequestOrigin } from "./sessions";
import { readSessionId } from "./token";
import type { SessionUser } from "./types";

export async function authenticateRequest(req: Request, meta: RequestMeta): Promise<SessionUser | null> {
  return authenticateHeaders(req.headers, meta);
}

export interface AuthenticateOptions {
  /** Count this as user activity (page renders, the activity beacon); polling must not. */
  touch?: boolean;
  now?: Date;
}

export async function authenticateHeaders(
  headers: Headers,
  origin: RequestOrigin,
  { touch = false, now = new Date() }: AuthenticateOptions = {},
): Promise<SessionUser | null> {
  const sessionId = await readSessionId(headers);
  if (!sessionId) return null;
  const cache = sessionCache(getDatabase);
  const policy = authPolicy();
  const at = now.getTime();
  let session = cache.get(sessionId, policy, at);
  if (!session) {
    const check = await checkSession(await authDb(), sessionId, policy, origin, now);
    if (check.status !== "active") return null;
    session = { user: check.user, createdAt: check.createdAt.getTime(), lastActiveAt: check.lastActiveAt.getTime() };
    cache.set(sessionId, session, at);
  }
  // Activity is written at most every few seconds: a burst of input is one write, not one per key.
  if (touch && at - session.lastActiveAt >= TOUCH_GRANULARITY_MS) {
    await touchSession(await authDb(), sessionId, now);
    cache.touched(sessionId, at);
  }
  return session.user;
}

/**
 * Whether a session is still alive now (ending it, audited, if a limit passed). Long-lived responses
 * such as the live-event stream ask this periodically, so they stop when the session does.
 */
export async function sessionStillActive(sessionId: string, origin: RequestOrigin): Promise<boolean> {
  const now = new Date();
  if (sessionCache(getDatabase).get(sessionId, authPolicy(), now.getTime())) return true;
  const check = await checkSession(await authDb(), sessionId, authPolicy(), origin, now);
  return check.status === "active";
}
