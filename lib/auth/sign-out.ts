import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { endSession, sessionRef, type RequestOrigin } from "./sessions";

/**
 * End a session because its user signed out. Idempotent: the sign-out button and Auth.js's own
 * sign-out event may both call it; only the call that ended the session writes the audit row.
 */
export async function signOutSession(db: Db, sessionId: string, origin: RequestOrigin | null, now: Date): Promise<boolean> {
  const userId = await endSession(db, sessionId, "signout", now);
  if (!userId) return false;
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  await recordAudit(
    {
      action: "auth.signout",
      outcome: "success",
      actor: user ?? { id: userId },
      meta: origin,
      detail: { session: sessionRef(sessionId) },
      at: now,
    },
    db,
  );
  return true;
}
