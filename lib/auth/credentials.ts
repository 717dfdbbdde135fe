/**
 * Sign-in with e-mail and password. Every attempt is audited with its real reason; the caller only
 * learns success or failure, so the sign-in page cannot reveal whether an account exists, is
 * locked or is disabled. N failures within the window lock the account for LOCKOUT_MINUTES (or
 * until an admin unlocks it). A lock only refuses new sign-ins: it never ends a session that
 * exists, so a stranger's wrong passwords cannot take a telecommunicator off a call.
 * Before any of that, the source's own failures decide whether the attempt is looked at at all
 * (source-throttle.ts).
 */
import "server-only";
import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { auditLog, users } from "@/lib/db/schema";
import { PASSWORD_MAX_LENGTH, verifyAgainstNothing, verifyPassword } from "./password";
import { lockHolds, minutes, type AuthPolicy } from "./policy";
import { createSession, sessionRef, type RequestOrigin } from "./sessions";
import { checkSource, recordSourceFailure, SOURCE_POLICY, sourceKey, type SourcePolicy } from "./source-throttle";

export type SignInFailure =
  | "invalid_input"
  | "unknown_account"
  | "bad_password"
  | "no_password"
  | "locked"
  | "disabled"
  | "throttled";

export type UserRow = typeof users.$inferSelect;

export type SignInResult =
  | { ok: true; user: UserRow; sessionId: string }
  | { ok: false; reason: Exclude<SignInFailure, "throttled"> }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export async function signInWithPassword(
  db: Db,
  input: unknown,
  origin: RequestOrigin,
  policy: AuthPolicy,
  now: Date,
  sourcePolicy: SourcePolicy = SOURCE_POLICY,
): Promise<SignInResult> {
  const source = sourceKey(origin);
  const gate = await checkSource(db, source, now);
  if (!gate.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) {
    const email = typeof (input as { email?: unknown })?.email === "string" ? (input as { email: string }).email : null;
    await auditSignIn(db, { email }, "failure", origin, now, { reason: "invalid_input", method: "password" });
    await recordSourceFailure(db, source, email, origin, sourcePolicy, now);
    return { ok: false, reason: "invalid_input" };
  }
  const { email, password } = parsed.data;
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);

  // The same scrypt work whether or not the account exists: no timing oracle.
  const matches = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstNothing(password);

  const failed = async (who: { id?: string; email: string | null }, reason: Exclude<SignInFailure, "throttled">) => {
    await recordSourceFailure(db, source, email, origin, sourcePolicy, now);
    return fail(db, who, reason, origin, now);
  };
  if (!user) return failed({ email }, "unknown_account");
  if (user.disabledAt) return failed(user, "disabled");
  if (lockHolds(user.lockedAt, policy, now)) return failed(user, "locked");
  if (!user.passwordHash) return failed(user, "no_password");
  if (!matches) {
    await failed(user, "bad_password");
    await lockIfTooManyFailures(db, user, origin, policy, now);
    return { ok: false, reason: "bad_password" };
  }
  const sessionId = await createSession(db, user.id, origin, now);
  await auditSignIn(db, user, "success", origin, now, { method: "password", session: sessionRef(sessionId) });
  return { ok: true, user, sessionId };
}

async function fail(
  db: Db,
  who: { id?: string; email: string | null },
  reason: Exclude<SignInFailure, "throttled">,
  origin: RequestOrigin,
  now: Date,
): Promise<SignInResult> {
  await auditSignIn(db, who, "failure", origin, now, { reason, method: "password" });
  return { ok: false, reason };
}

export async function auditSignIn(
  db: Db,
  who: { id?: string; email: string | null },
  outcome: "success" | "failure",
  origin: RequestOrigin,
  now: Date,
  detail: Record<string, unknown>,
): Promise<void> {
  await recordAudit(
    { action: "auth.signin", outcome, actor: { id: who.id ?? null, email: who.email }, meta: origin, detail, at: now },
    db,
  );
}

/**
 * Wrong passwords count from the start of the window, or from the last success, unlock or lock if
 * later: an unlocked user (by an admin or by time) gets a fresh set of attempts, and attempts made
 * while locked do not count toward the next lock.
 */
export async function recentFailures(
  db: Db,
  userId: string,
  policy: AuthPolicy,
  now: Date,
  lockedAt: Date | null = null,
): Promise<number> {
  const windowStart = new Date(now.getTime() - policy.lockoutWindowMs);
  const [reset] = await db
    .select({ at: sql<Date | null>`max(${auditLog.at})`.mapWith(auditLog.at) })
    .from(auditLog)
    .where(
      sql`(${auditLog.action} = 'auth.signin' and ${auditLog.outcome} = 'success' and ${auditLog.actorId} = ${userId})
        or (${auditLog.action} = 'auth.unlock' and ${auditLog.outcome} = 'success' and ${auditLog.detail}->>'userId' = ${userId})`,
    );
  let since = windowStart;
  for (const at of [reset?.at ?? null, lockedAt]) if (at && at > since) since = at;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "auth.signin"),
        eq(auditLog.outcome, "failure"),
        eq(auditLog.actorId, userId),
        sql`${auditLog.detail}->>'reason' = 'bad_password'`,
        gt(auditLog.at, since),
      ),
    );
  return Number(row?.n ?? 0);
}

async function lockIfTooManyFailures(
  db: Db,
  user: UserRow,
  origin: RequestOrigin,
  policy: AuthPolicy,
  now: Date,
): Promise<void> {
  const failures = await recentFailures(db, user.id, policy, now, user.lockedAt);
  if (failures < policy.lockoutMaxFailures) return;
  const expired = new Date(now.getTime() - policy.lockoutDurationMs);
  const locked = await db
    .update(users)
    .set({ lockedAt: now, updatedAt: now })
    .where(and(eq(users.id, user.id), or(isNull(users.lockedAt), lte(users.lockedAt, expired))))
    .returning({ id: users.id });
  if (locked.length === 0) return; // a concurrent attempt locked it first
  // Sessions the account already has stay open: the lock refuses new sign-ins only.
  await recordAudit(
    {
      action: "auth.lockout",
      outcome: "success",
      actor: user,
      target: user.email,
      meta: origin,
      detail: {
        userId: user.id,
        failures,
        windowMinutes: minutes(policy.lockoutWindowMs),
        lockMinutes: minutes(policy.lockoutDurationMs),
        releasesAt: new Date(now.getTime() + policy.lockoutDurationMs).toISOString(),
      },
      at: now,
    },
    db,
  );
}
