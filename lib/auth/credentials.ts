/**
 * Sign-in with e-mail and password. Every attempt is audited with its real reason; the caller only
 * learns success or failure, so the sign-in page cannot reveal whether an account exists, is
 * locked or is disabled. N failures within the window lock the account until an admin unlocks it.
 */
import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { auditLog, users } from "@/lib/db/schema";
import { PASSWORD_MAX_LENGTH, verifyAgainstNothing, verifyPassword } from "./password";
import { minutes, type AuthPolicy } from "./policy";
import { createSession, endUserSessions, sessionRef, type RequestOrigin } from "./sessions";

export type SignInFailure =
  | "invalid_input"
  | "unknown_account"
  | "bad_password"
  | "no_password"
  | "locked"
  | "disabled";

export type UserRow = typeof users.$inferSelect;

export type SignInResult =
  | { ok: true; user: UserRow; sessionId: string }
  | { ok: false; reason: SignInFailure };

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
): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) {
    const email = typeof (input as { email?: unknown })?.email === "string" ? (input as { email: string }).email : null;
    await auditSignIn(db, { email }, "failure", origin, now, { reason: "invalid_input", method: "password" });
    return { ok: false, reason: "invalid_input" };
  }
  const { email, password } = parsed.data;
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);

  // The same scrypt work whether or not the account exists: no timing oracle.
  const matches = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstNothing(password);

  if (!user) return fail(db, { email }, "unknown_account", origin, now);
  if (user.disabledAt) return fail(db, user, "disabled", origin, now);
  if (user.lockedAt) return fail(db, user, "locked", origin, now);
  if (!user.passwordHash) return fail(db, user, "no_password", origin, now);
  if (!matches) {
    await fail(db, user, "bad_password", origin, now);
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
  reason: SignInFailure,
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
 * Failures count from the start of the window, or from the last success or unlock if later:
 * an unlocked user gets a fresh set of attempts.
 */
export async function recentFailures(db: Db, userId: string, policy: AuthPolicy, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - policy.lockoutWindowMs);
  const [reset] = await db
    .select({ at: sql<Date | null>`max(${auditLog.at})`.mapWith(auditLog.at) })
    .from(auditLog)
    .where(
      sql`(${auditLog.action} = 'auth.signin' and ${auditLog.outcome} = 'success' and ${auditLog.actorId} = ${userId})
        or (${auditLog.action} = 'auth.unlock' and ${auditLog.outcome} = 'success' and ${auditLog.detail}->>'userId' = ${userId})`,
    );
  const resetAt = reset?.at ?? null;
  const since = resetAt && resetAt > windowStart ? resetAt : windowStart;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "auth.signin"),
        eq(auditLog.outcome, "failure"),
        eq(auditLog.actorId, userId),
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
  const failures = await recentFailures(db, user.id, policy, now);
  if (failures < policy.lockoutMaxFailures) return;
  const locked = await db
    .update(users)
    .set({ lockedAt: now, updatedAt: now })
    .where(and(eq(users.id, user.id), isNull(users.lockedAt)))
    .returning({ id: users.id });
  if (locked.length === 0) return; // a concurrent attempt locked it first
  await endUserSessions(db, user.id, "locked", now);
  await recordAudit(
    {
      action: "auth.lockout",
      outcome: "success",
      actor: user,
      target: user.email,
      meta: origin,
      detail: { userId: user.id, failures, windowMinutes: minutes(policy.lockoutWindowMs) },
      at: now,
    },
    db,
  );
}
