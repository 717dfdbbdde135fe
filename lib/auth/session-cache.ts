/**
 * Session checks without a database round trip per request. A console polls every few seconds and
 * holds a live stream; asking the sessions table each time is the largest database cost of a
 * center. An active check is remembered for a few seconds, never past the session's own limits
 * (those are left to the database check, which ends the session and audits why), and forgotten at
 * once on every instance when a session ends or a user changes (sign-out, disable, role change,
 * password reset): the change is announced with PostgreSQL NOTIFY on a channel of its own, naming
 * the session by its one-way reference, never by its id.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/client";
import { log } from "@/lib/server/log";
import { singleton } from "@/lib/server/singleton";
import type { AuthPolicy } from "./policy";
import { sessionRef } from "./session-ref";
import type { SessionUser } from "./types";

/** However the announcement fares, a revoked session is refused within this long on every instance. */
export const SESSION_CACHE_TTL_MS = 4_000;
/** Enough for every screen of a large center; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 10_000;
/** Leave the last seconds before a limit to the database check, which ends and audits the session. */
const LIMIT_MARGIN_MS = 5_000;
const CHANNEL = "dm_auth";

export interface CachedSession {
  user: SessionUser;
  createdAt: number;
  lastActiveAt: number;
}

interface Entry extends CachedSession {
  until: number;
}

type Revocation = { ref: string } | { userId: string };

export class SessionCache {
  readonly #entries = new Map<string, Entry>();

  get(sessionId: string, policy: AuthPolicy, now: number): CachedSession | null {
    const ref = sessionRef(sessionId);
    const entry = this.#entries.get(ref);
    if (!entry) return null;
    const fresh =
      now < entry.until &&
      now - entry.createdAt < policy.sessionMaxMs - LIMIT_MARGIN_MS &&
      now - entry.lastActiveAt < policy.sessionIdleMs - LIMIT_MARGIN_MS;
    if (!fresh) {
      this.#entries.delete(ref);
      return null;
    }
    return entry;
  }

  set(sessionId: string, session: CachedSession, now: number): void {
    const ref = sessionRef(sessionId);
    this.#entries.delete(ref);
    this.#entries.set(ref, { ...session, until: now + SESSION_CACHE_TTL_MS });
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** The user was active: a later check sees the new idle deadline. */
  touched(sessionId: string, at: number): void {
    const entry = this.#entries.get(sessionRef(sessionId));
    if (entry) entry.lastActiveAt = at;
  }

  revoke(revocation: Revocation): void {
    if ("ref" in revocation) {
      this.#entries.delete(revocation.ref);
      return;
    }
    for (const [ref, entry] of this.#entries) if (entry.user.id === revocation.userId) this.#entries.delete(ref);
  }

  get size(): number {
    return this.#entries.size;
  }
}

let listening: Promise<unknown> | null = null;

/** This process's cache, listening for revocations from every instance. */
export function sessionCache(database?: () => Promise<Database>): SessionCache {
  const cache = singleton("session-cache", () => new SessionCache());
  if (database && !listening) {
    listening = database()
      .then((db) =>
        db.listen(CHANNEL, (payload) => {
          const revocation = parseRevocation(payload);
          if (revocation) cache.revoke(revocation);
        }),
      )
      .catch((err: unknown) => {
        listening = null;
        log().warn({ err }, "session revocations not heard; cached sessions expire within seconds anyway");
      });
  }
  return cache;
}

/** Tell every instance (this one at once) that a session or a user's sessions changed. */
export async function announceRevocation(db: Db, revocation: Revocation): Promise<void> {
  singleton("session-cache", () => new SessionCache()).revoke(revocation);
  try {
    await db.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(revocation)})`);
  } catch (err) {
    log().warn({ err }, "session revocation not announced; other instances stop within seconds");
  }
}

function parseRevocation(payload: string): Revocation | null {
  try {
    const data = JSON.parse(payload) as { ref?: unknown; userId?: unknown };
    if (typeof data.ref === "string") return { ref: data.ref };
    if (typeof data.userId === "string") return { userId: data.userId };
  } catch {
    // ignore
  }
  return null;
}
