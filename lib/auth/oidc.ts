/**
 * Sign-in through the agency's own identity provider. No self-registration: the person must
 * already have an enabled, unlocked account here, matched by the provider's subject or, the first
 * time, by a verified e-mail address (which then links the subject to the account).
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { auditSignIn, type UserRow } from "./credentials";
import { authPolicy, lockHolds, type AuthPolicy } from "./policy";
import { createSession, sessionRef, type RequestOrigin } from "./sessions";

export interface OidcIdentity {
  subject: string | null;
  email: string | null;
  emailVerified: boolean | null;
}

export type OidcFailure = "no_identity" | "unknown_account" | "email_unverified" | "subject_mismatch" | "disabled" | "locked";

export type OidcMatch = { ok: true; user: UserRow } | { ok: false; reason: OidcFailure; user: UserRow | null };

export async function matchOidcUser(
  db: Db,
  identity: OidcIdentity,
  policy: Pick<AuthPolicy, "lockoutDurationMs"> = authPolicy(),
  now: Date = new Date(),
): Promise<OidcMatch> {
  if (!identity.subject) return { ok: false, reason: "no_identity", user: null };
  let [user] = await db.select().from(users).where(eq(users.oidcSubject, identity.subject)).limit(1);
  if (!user) {
    const email = identity.email?.trim().toLowerCase();
    // An address the provider has not verified (email_verified false or absent) proves nothing
    // about who is signing in: matching on it would let anyone who can name a staff address at
    // the provider take over that account here.
    if (!email) return { ok: false, reason: "unknown_account", user: null };
    if (identity.emailVerified !== true) return { ok: false, reason: "email_unverified", user: null };
    [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
    if (!user) return { ok: false, reason: "unknown_account", user: null };
    if (user.oidcSubject && user.oidcSubject !== identity.subject) {
      return { ok: false, reason: "subject_mismatch", user };
    }
  }
  if (user.disabledAt) return { ok: false, reason: "disabled", user };
  if (lockHolds(user.lockedAt, policy, now)) return { ok: false, reason: "locked", user };
  return { ok: true, user };
}

/** Check an identity and audit a refusal; the session itself is made by `completeOidcSignIn`. */
export async function checkOidcSignIn(db: Db, identity: OidcIdentity, origin: RequestOrigin, now: Date): Promise<boolean> {
  const match = await matchOidcUser(db, identity, authPolicy(), now);
  if (!match.ok) {
    await auditSignIn(db, { id: match.user?.id, email: match.user?.email ?? identity.email }, "failure", origin, now, {
      reason: match.reason,
      method: "oidc",
    });
  }
  return match.ok;
}

export async function completeOidcSignIn(
  db: Db,
  identity: OidcIdentity,
  origin: RequestOrigin,
  now: Date,
): Promise<string | null> {
  const match = await matchOidcUser(db, identity, authPolicy(), now);
  if (!match.ok) return null;
  if (!match.user.oidcSubject && identity.subject) {
    await db.update(users).set({ oidcSubject: identity.subject, updatedAt: now }).where(eq(users.id, match.user.id));
  }
  const sessionId = await createSession(db, match.user.id, origin, now);
  await auditSignIn(db, match.user, "success", origin, now, { method: "oidc", session: sessionRef(sessionId) });
  return sessionId;
}
