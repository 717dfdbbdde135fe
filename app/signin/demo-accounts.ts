/**
 * Which demo accounts the sign-in page may list, so a newcomer who opens the URL can sign in without
 * the server log. Only in sandbox mode, only accounts that start-up made usable as demo accounts
 * (a regular account that happens to own a demo e-mail is never listed), and only while they are
 * still enabled. With the sandbox off the answer is always null: the demo password means nothing there.
 */
import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { InitialAccounts } from "@/lib/auth/initial-accounts";
import type { Role } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

export interface DemoAccountsHint {
  accounts: { email: string; role: Role }[];
  password: string;
}

export async function demoAccountsHint(db: Db, initial: InitialAccounts, sandboxEnabled: boolean): Promise<DemoAccountsHint | null> {
  if (!sandboxEnabled || !initial.sandbox || initial.demoPassword === null || initial.demo.length === 0) return null;
  const enabled = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.demo, true), isNull(users.disabledAt), inArray(users.email, initial.demo.map((d) => d.email))));
  const still = new Set(enabled.map((r) => r.email));
  const accounts = initial.demo.filter((d) => still.has(d.email));
  return accounts.length > 0 ? { accounts, password: initial.demoPassword.reveal() } : null;
}
