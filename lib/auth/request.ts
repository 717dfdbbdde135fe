/**
 * Who is behind a request: the session cookie names a session, and the sessions table decides
 * whether it is still alive (see sessions.ts). Used by `withRole` for every protected route and by
 * the page guard for every protected page.
 */
import "server-only";
import type { RequestMeta } from "@/lib/server/http";
import { authDb } from "./db";
import { authPolicy } from "./policy";
import { checkSession, touchSession, type RequestOrigin } from "./sessions";
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
  const db = await authDb();
  const check = await checkSession(db, sessionId, authPolicy(), origin, now);
  if (check.status !== "active") return null;
  if (touch) await touchSession(db, sessionId, now);
  return check.user;
}

/**
 * Whether a session is still alive now (ending it, audited, if a limit passed). Long-lived responses
 * such as the live-event stream ask this periodically, so they stop when the session does.
 */
export async function sessionStillActive(sessionId: string, origin: RequestOrigin): Promise<boolean> {
  const check = await checkSession(await authDb(), sessionId, authPolicy(), origin, new Date());
  return check.status === "active";
}
