/** Helpers for the auth tests: accounts inserted directly, a fixed policy, a clock to move. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog, users } from "@/lib/db/schema";
import { hashPassword } from "./password";
import type { AuthPolicy } from "./policy";
import type { Role } from "./types";

export const TEST_POLICY: AuthPolicy = {
  lockoutMaxFailures: 5,
  lockoutWindowMs: 15 * 60_000,
  lockoutDurationMs: 15 * 60_000,
  sessionIdleMs: 30 * 60_000,
  sessionMaxMs: 12 * 3_600_000,
};

export const ORIGIN = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (test)" };

// A cheap hash: these tests are about the rules around passwords, not the KDF's cost.
const hashes = new Map<string, Promise<string>>();
const cheapHash = (password: string) => {
  let h = hashes.get(password);
  if (!h) {
    h = hashPassword(password, { N: 1024, r: 8, p: 1 });
    hashes.set(password, h);
  }
  return h;
};

export async function insertUser(
  db: Db,
  email: string,
  role: Role = "telecommunicator",
  password = "a long enough password",
): Promise<typeof users.$inferSelect> {
  const [row] = await db
    .insert(users)
    .values({ email, name: email.split("@")[0] ?? email, role, passwordHash: await cheapHash(password) })
    .returning();
  if (!row) throw new Error("insert failed");
  return row;
}

export async function userByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function auditRows(db: Db, action?: string) {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  return action ? rows.filter((r) => r.action === action) : rows;
}

/** A clock the test moves by hand. */
export function clock(start = "2026-11-22T08:00:00.000Z") {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
      return new Date(t);
    },
  };
}

export const MINUTE = 60_000;
