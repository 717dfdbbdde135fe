/**
 * Throttle sign-in by source before any account is looked at: failed attempts per client address,
 * across every account, in a window. The first few failures cost nothing; after them each further
 * failure makes the source wait longer before its next attempt is even read (1 s, 2 s, 4 s …), and
 * past the limit it waits out the window. A waiting source gets 429 with Retry-After and costs no
 * password hashing, no account lookup and no audit row (the row here counts those refusals).
 *
 * So one address can spend at most `maxFailures` wrong passwords per window, on all accounts
 * together: it cannot lock a roster, only (at worst) one or two accounts for LOCKOUT_MINUTES.
 * The state is a table, not memory, so every instance of a cluster sees the same count.
 */
import "server-only";
import { and, desc, eq, gt, or, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { signinThrottle } from "@/lib/db/schema";
import type { RequestOrigin } from "./sessions";

export interface SourcePolicy {
  /** Failures per window before any delay. */
  freeFailures: number;
  /** Failures per window after which the source waits out the window. */
  maxFailures: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const SOURCE_POLICY: SourcePolicy = {
  freeFailures: 5,
  maxFailures: 10,
  windowMs: 15 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
};

export type SourceCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const sourceKey = (origin: Pick<RequestOrigin, "ip">) => origin.ip ?? "unknown";

/** May an attempt from `source` be looked at now? A refusal is counted (not audited). */
export async function checkSource(db: Db, source: string, now: Date): Promise<SourceCheck> {
  const [row] = await db.select().from(signinThrottle).where(eq(signinThrottle.source, source)).limit(1);
  if (!row?.blockedUntil || row.blockedUntil <= now) return { allowed: true };
  await db
    .update(signinThrottle)
    .set({ refused: sql`${signinThrottle.refused} + 1` })
    .where(eq(signinThrottle.source, source));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000)) };
}

/** How long a source with `failures` failures in its window must wait before its next attempt. */
export function delayAfter(failures: number, policy: SourcePolicy): number {
  if (failures <= policy.freeFailures) return 0;
  if (failures >= policy.maxFailures) return policy.windowMs;
  return Math.min(policy.baseDelayMs * 2 ** (failures - policy.freeFailures - 1), policy.maxDelayMs);
}

/** Count one failed attempt from `source`; audits the moment a source starts waiting out its window. */
export async function recordSourceFailure(
  db: Db,
  source: string,
  email: string | null,
  origin: RequestOrigin,
  policy: SourcePolicy,
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const fresh = sql`${signinThrottle.windowStartedAt} <= ${windowStart}`;
  const [row] = await db
    .insert(signinThrottle)
    .values({ source, failures: 1, windowStartedAt: now, lastFailureAt: now, lastEmail: email?.slice(0, 254) ?? null })
    .onConflictDoUpdate({
      target: signinThrottle.source,
      set: {
        failures: sql`case when ${fresh} then 1 else ${signinThrottle.failures} + 1 end`,
        refused: sql`case when ${fresh} then 0 else ${signinThrottle.refused} end`,
        windowStartedAt: sql`case when ${fresh} then ${now} else ${signinThrottle.windowStartedAt} end`,
        lastFailureAt: now,
        lastEmail: email?.slice(0, 254) ?? null,
      },
    })
    .returning();
  if (!row) return;
  const wait = delayAfter(row.failures, policy);
  if (wait === 0) return;
  await db
    .update(signinThrottle)
    .set({ blockedUntil: new Date(now.getTime() + wait) })
    .where(eq(signinThrottle.source, source));
  if (row.failures === policy.maxFailures) {
    await recordAudit(
      {
        action: "auth.throttle",
        outcome: "success",
        target: source,
        meta: origin,
        detail: { source, failures: row.failures, windowMinutes: Math.round(policy.windowMs / 60_000), blockedSeconds: Math.round(wait / 1000) },
        at: now,
      },
      db,
    );
  }
}

export interface ThrottledSource {
  source: string;
  failures: number;
  refused: number;
  windowStartedAt: string;
  lastFailureAt: string;
  blockedUntil: string | null;
  lastEmail: string | null;
}

/** Sources with failures in their current window, or still waiting: what the users page shows. */
export async function listThrottledSources(db: Db, policy: SourcePolicy, now: Date, limit = 200): Promise<ThrottledSource[]> {
  const rows = await db
    .select()
    .from(signinThrottle)
    .where(or(gt(signinThrottle.windowStartedAt, new Date(now.getTime() - policy.windowMs)), gt(signinThrottle.blockedUntil, now)))
    .orderBy(desc(signinThrottle.failures), desc(signinThrottle.lastFailureAt))
    .limit(limit);
  return rows.map((r) => ({
    source: r.source,
    failures: r.failures,
    refused: r.refused,
    windowStartedAt: r.windowStartedAt.toISOString(),
    lastFailureAt: r.lastFailureAt.toISOString(),
    blockedUntil: r.blockedUntil && r.blockedUntil > now ? r.blockedUntil.toISOString() : null,
    lastEmail: r.lastEmail,
  }));
}

/** An admin lets a source try again at once; audited. Returns whether there was anything to clear. */
export async function clearSource(
  db: Db,
  admin: { id: string; email: string },
  source: string,
  origin: RequestOrigin,
  now: Date,
): Promise<boolean> {
  const gone = await db.delete(signinThrottle).where(eq(signinThrottle.source, source)).returning();
  const before = gone[0];
  await recordAudit(
    {
      action: "auth.throttle_clear",
      outcome: before ? "success" : "failure",
      actor: admin,
      target: source,
      meta: origin,
      detail: { source, failures: before?.failures ?? 0, refused: before?.refused ?? 0, wasBlocked: !!before?.blockedUntil && before.blockedUntil > now },
      at: now,
    },
    db,
  );
  return !!before;
}

/** Forget sources whose window ended and that no longer wait (housekeeping, with the retention job). */
export async function purgeThrottle(db: Db, policy: SourcePolicy, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - policy.windowMs);
  const gone = await db
    .delete(signinThrottle)
    .where(
      and(
        sql`${signinThrottle.windowStartedAt} <= ${cutoff}`,
        or(sql`${signinThrottle.blockedUntil} is null`, sql`${signinThrottle.blockedUntil} <= ${now}`),
      ),
    )
    .returning({ source: signinThrottle.source });
  return gone.length;
}
