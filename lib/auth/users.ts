/**
 * Staff accounts as admins manage them: list, create, change role or name, disable or enable,
 * unlock, reset a password. Every change is audited, and no change may leave the center without
 * an active (enabled, unlocked) admin.
 */
import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";
import { HttpError, notFound } from "@/lib/server/http";
import { hashPassword, passwordProblem } from "./password";
import { authPolicy, lockHolds, lockReleasesAt } from "./policy";
import { announceRevocation } from "./session-cache";
import { endUserSessions, type RequestOrigin } from "./sessions";
import type { Role } from "./types";

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** Locked now (a lock releases by itself after LOCKOUT_MINUTES). */
  locked: boolean;
  lockedAt: string | null;
  /** When the current lock releases by itself; null when not locked. */
  lockReleasesAt: string | null;
  demo: boolean;
  hasPassword: boolean;
  oidcLinked: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface Actor {
  id: string;
  email: string;
}

type UserRow = typeof users.$inferSelect;

// Spelled out: inside a one-table select Drizzle leaves column names unqualified, which would be ambiguous here.
const lastSignIn = sql<Date | null>`(select max(s.created_at) from sessions s where s.user_id = "users"."id")`;

function toView(row: UserRow, lastSignInAt: Date | null, now = new Date()): UserView {
  const policy = authPolicy();
  const locked = lockHolds(row.lockedAt, policy, now);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    locked,
    lockedAt: locked ? (row.lockedAt?.toISOString() ?? null) : null,
    lockReleasesAt: locked && row.lockedAt ? lockReleasesAt(row.lockedAt, policy).toISOString() : null,
    demo: row.demo,
    hasPassword: row.passwordHash !== null,
    oidcLinked: row.oidcSubject !== null,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: lastSignInAt ? new Date(lastSignInAt).toISOString() : null,
  };
}

/** Staff accounts only admins create; the bound is far above any center's roster. */
export const MAX_LISTED_USERS = 2_000;

export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await db
    .select({ user: users, lastSignInAt: lastSignIn.mapWith(sessions.createdAt) })
    .from(users)
    .orderBy(asc(users.email))
    .limit(MAX_LISTED_USERS);
  return rows.map((r) => toView(r.user, r.lastSignInAt));
}

export async function getUserView(db: Db, id: string): Promise<UserView> {
  const [row] = await db
    .select({ user: users, lastSignInAt: lastSignIn.mapWith(sessions.createdAt) })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row) throw notFound("No such user.");
  return toView(row.user, row.lastSignInAt);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

const conflict = (detail: string) => new HttpError(409, "conflict", detail);

export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUser,
  origin: RequestOrigin,
  now = new Date(),
): Promise<UserView> {
  const email = input.email.trim().toLowerCase();
  const problem = passwordProblem(input.password);
  if (problem) throw new HttpError(400, "bad_request", problem);
  const passwordHash = await hashPassword(input.password);
  const created = await db
    .insert(users)
    .values({ email, name: input.name.trim(), role: input.role, passwordHash, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: users.email })
    .returning();
  const row = created[0];
  if (!row) throw conflict("An account with this e-mail address already exists.");
  await recordAudit(
    {
      action: "admin.user_create",
      outcome: "success",
      actor,
      target: email,
      meta: origin,
      detail: { userId: row.id, role: row.role, name: row.name },
      at: now,
    },
    db,
  );
  return toView(row, null);
}

export interface UserPatch {
  name?: string;
  role?: Role;
  disabled?: boolean;
}

/** Apply a role / name / disabled change. Disabling ends the user's sessions. */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: UserPatch,
  origin: RequestOrigin,
  now = new Date(),
): Promise<UserView> {
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update").limit(1);
    if (!before) throw notFound("No such user.");
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: Partial<UserRow> = {};
    if (patch.name !== undefined && patch.name.trim() !== before.name) {
      set.name = patch.name.trim();
      changes.name = { from: before.name, to: set.name };
    }
    if (patch.role !== undefined && patch.role !== before.role) {
      set.role = patch.role;
      changes.role = { from: before.role, to: patch.role };
    }
    if (patch.disabled !== undefined && patch.disabled !== (before.disabledAt !== null)) {
      set.disabledAt = patch.disabled ? now : null;
      changes.disabled = { from: !patch.disabled, to: patch.disabled };
    }
    if (Object.keys(changes).length === 0) return { row: before, changes };
    const stillActiveAdmin =
      (set.role ?? before.role) === "admin" && (set.disabledAt === undefined ? before.disabledAt : set.disabledAt) === null;
    if (before.role === "admin" && !stillActiveAdmin) await assertAnotherActiveAdmin(tx, id);
    const [row] = await tx.update(users).set({ ...set, updatedAt: now }).where(eq(users.id, id)).returning();
    return { row: row ?? before, changes };
  });
  if (Object.keys(result.changes).length > 0) {
    if (result.changes.disabled?.to === true) await endUserSessions(db, id, "disabled", now);
    // A role or name change takes effect on every instance at once, not when a cached check expires.
    else await announceRevocation(db, { userId: id });
    await recordAudit(
      {
        action: "admin.user_update",
        outcome: "success",
        actor,
        target: result.row.email,
        meta: origin,
        detail: { userId: id, changes: result.changes },
        at: now,
      },
      db,
    );
  }
  return getUserView(db, id);
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function assertAnotherActiveAdmin(tx: Tx, exceptId: string): Promise<void> {
  // Lock the admin rows so two admins demoting each other at once cannot both succeed.
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), isNull(users.lockedAt), ne(users.id, exceptId)))
    .for("update");
  if (others.length === 0) {
    throw conflict("This would leave no active admin. Make another account an admin first.");
  }
}

export async function unlockUser(
  db: Db,
  actor: Actor,
  id: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<UserView> {
  const [before] = await db.select({ lockedAt: users.lockedAt }).from(users).where(eq(users.id, id)).limit(1);
  if (!before) throw notFound("No such user.");
  const [row] = await db.update(users).set({ lockedAt: null, updatedAt: now }).where(eq(users.id, id)).returning();
  if (!row) throw notFound("No such user.");
  await recordAudit(
    {
      action: "auth.unlock",
      outcome: "success",
      actor,
      target: row.email,
      meta: origin,
      detail: { userId: id, wasLocked: before.lockedAt !== null },
      at: now,
    },
    db,
  );
  return getUserView(db, id);
}

/** Set a new password chosen by an admin; the user's sessions end so the old password's holder is out. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  id: string,
  password: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<UserView> {
  const problem = passwordProblem(password);
  if (problem) throw new HttpError(400, "bad_request", problem);
  const passwordHash = await hashPassword(password);
  const [row] = await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id)).returning();
  if (!row) throw notFound("No such user.");
  const ended = await endUserSessions(db, id, "password_reset", now);
  await recordAudit(
    {
      action: "admin.password_reset",
      outcome: "success",
      actor,
      target: row.email,
      meta: origin,
      detail: { userId: id, sessionsEnded: ended },
      at: now,
    },
    db,
  );
  return getUserView(db, id);
}
