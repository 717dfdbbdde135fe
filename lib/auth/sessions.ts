/**
 * Server-side sessions. The cookie (an Auth.js JWT) carries only a session id; this table is the
 * truth: a session ends on sign-out, after `sessionIdleMs` without user activity, after
 * `sessionMaxMs` in any case, and when its user is disabled. A locked account keeps the sessions
 * it has: a lock answers failed sign-ins, which anyone can cause, so it must not end a session.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";
import { minutes, type AuthPolicy } from "./policy";
import { announceRevocation } from "./session-cache";
import { sessionRef } from "./session-ref";
import type { SessionUser } from "./types";

export type SessionEndReason =
  | "signout"
  | "idle"
  | "max_age"
  | "disabled"
  | "locked"
  | "password_reset"
  | "unknown";

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export type SessionCheck =
  | { status: "active"; user: SessionUser; createdAt: Date; lastActiveAt: Date }
  | { status: "ended"; reason: SessionEndReason };

export { sessionRef };

export async function createSession(
  db: Db,
  userId: string,
  origin: RequestOrigin,
  now: Date,
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    id,
    userId,
    createdAt: now,
    lastActiveAt: now,
    ip: origin.ip?.slice(0, 128) ?? null,
    userAgent: origin.userAgent?.slice(0, 512) ?? null,
  });
  return id;
}

/**
 * End one session; returns its user id if this call ended it (null if it was already over), so
 * two requests racing to end the same session write one audit row between them.
 */
export async function endSession(
  db: Db,
  sessionId: string,
  reason: SessionEndReason,
  now: Date,
): Promise<string | null> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .returning({ userId: sessions.userId });
  await announceRevocation(db, { ref: sessionRef(sessionId) });
  return ended[0]?.userId ?? null;
}

export async function endUserSessions(
  db: Db,
  userId: string,
  reason: SessionEndReason,
  now: Date,
): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  await announceRevocation(db, { userId });
  return ended.length;
}

/**
 * Check a session at `now`. Ends it (and audits why) when a limit has passed. Does not count as
 * activity: background polling must not keep a session alive.
 */
export async function checkSession(
  db: Db,
  sessionId: string,
  policy: AuthPolicy,
  origin: RequestOrigin | null,
  now: Date,
): Promise<SessionCheck> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) return { status: "ended", reason: "unknown" };
  const { session, user } = row;
  if (session.endedAt) return { status: "ended", reason: toReason(session.endReason) };

  const end = async (reason: SessionEndReason): Promise<SessionCheck> => {
    const endedBy = await endSession(db, sessionId, reason, now);
    const action =
      reason === "idle" ? "auth.session_timeout" : reason === "max_age" ? "auth.session_expired" : null;
    if (endedBy && action) {
      await recordAudit(
        {
          action,
          outcome: "success",
          actor: user,
          target: user.email,
          meta: origin ?? { ip: session.ip, userAgent: session.userAgent },
          detail: {
            session: sessionRef(sessionId),
            startedAt: session.createdAt.toISOString(),
            lastActiveAt: session.lastActiveAt.toISOString(),
            ...(reason === "idle"
              ? { idleMinutes: minutes(policy.sessionIdleMs) }
              : { maxHours: policy.sessionMaxMs / 3_600_000 }),
          },
          at: now,
        },
        db,
      );
    }
    return { status: "ended", reason };
  };

  if (user.disabledAt) return end("disabled");
  if (now.getTime() - session.createdAt.getTime() >= policy.sessionMaxMs) return end("max_age");
  if (now.getTime() - session.lastActiveAt.getTime() >= policy.sessionIdleMs) return end("idle");
  return {
    status: "active",
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionId },
    createdAt: session.createdAt,
    lastActiveAt: session.lastActiveAt,
  };
}

// Writes at most every few seconds: a burst of input is one activity, not a row update per key.
export const TOUCH_GRANULARITY_MS = 5_000;

/** The user did something: push the idle deadline back. Only for live sessions. */
export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ lastActiveAt: now })
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.endedAt),
        lt(sessions.lastActiveAt, new Date(now.getTime() - TOUCH_GRANULARITY_MS)),
      ),
    );
}

/** Why a session ended, for the sign-in page's message; null if it is not over (or unknown). */
export async function sessionEndReason(db: Db, sessionId: string): Promise<SessionEndReason | null> {
  const [row] = await db
    .select({ endReason: sessions.endReason, endedAt: sessions.endedAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) return "unknown";
  return row.endedAt ? toReason(row.endReason) : null;
}

/** Forget sessions that ended (or should have) before `cutoff`; audit rows about them stay. */
export async function purgeSessions(db: Db, cutoff: Date): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(lt(sessions.lastActiveAt, cutoff))
    .returning({ id: sessions.id });
  return gone.length;
}

const REASONS: SessionEndReason[] = ["signout", "idle", "max_age", "disabled", "locked", "password_reset"];
function toReason(value: string | null): SessionEndReason {
  return REASONS.find((r) => r === value) ?? "unknown";
}

export interface SessionDeadlines {
  /** When the session ends if the user does nothing more (ISO, UTC). */
  idleEndsAt: string;
  /** When it ends whatever the user does. */
  endsAt: string;
  idleMinutes: number;
}

/** Record user activity and say when the session would now end. */
export async function recordActivity(
  db: Db,
  sessionId: string,
  policy: AuthPolicy,
  now: Date,
): Promise<SessionDeadlines | null> {
  await touchSession(db, sessionId, now);
  const [row] = await db
    .select({ createdAt: sessions.createdAt, lastActiveAt: sessions.lastActiveAt })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .limit(1);
  if (!row) return null;
  const endsAt = row.createdAt.getTime() + policy.sessionMaxMs;
  return {
    idleEndsAt: new Date(Math.min(row.lastActiveAt.getTime() + policy.sessionIdleMs, endsAt)).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
    idleMinutes: minutes(policy.sessionIdleMs),
  };
}
