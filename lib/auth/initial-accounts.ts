/**
 * The accounts that must exist when the app starts. Sandbox on: three demo accounts (one per
 * role) with the configured demo password. Sandbox off: demo accounts are disabled, and the
 * first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD when no active admin exists (which also
 * recovers a center whose only admin got locked out).
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { getConfig } from "@/lib/config/env";
import type { Secret } from "@/lib/config/secret";
import { getDb, type Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { dropSingleton, singleton } from "@/lib/server/singleton";
import { hashPassword, verifyPassword } from "./password";
import { endUserSessions } from "./sessions";
import type { Role } from "./types";

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role }[] = [
  { email: "telecommunicator@sandbox.local", name: "Taylor Telecommunicator", role: "telecommunicator" },
  { email: "supervisor@sandbox.local", name: "Sam Supervisor", role: "supervisor" },
  { email: "admin@sandbox.local", name: "Alex Admin", role: "admin" },
];

export interface AccountSettings {
  sandbox: boolean;
  demoPassword: Secret;
  admin: { email: string; password: Secret } | null;
}

export interface InitialAccounts {
  sandbox: boolean;
  /** Demo accounts that can sign in (sandbox on), with the password to print. */
  demo: { email: string; role: Role }[];
  demoPassword: Secret | null;
  /** Demo accounts disabled now because the sandbox is off. */
  demoDisabled: number;
  admin: { email: string; outcome: "created" | "restored" | "present" } | null;
  warnings: string[];
}

export function accountSettings(): AccountSettings {
  const { auth, sandbox } = getConfig();
  return { sandbox: sandbox.enabled, demoPassword: auth.demoPassword, admin: auth.admin };
}

const system = (reason: string) => ({ by: "startup", reason });

export async function ensureInitialAccounts(
  db: Db,
  settings: AccountSettings = accountSettings(),
  now = new Date(),
): Promise<InitialAccounts> {
  const result: InitialAccounts = {
    sandbox: settings.sandbox,
    demo: [],
    demoPassword: null,
    demoDisabled: 0,
    admin: null,
    warnings: [],
  };
  if (settings.sandbox) {
    for (const account of DEMO_ACCOUNTS) {
      if (await ensureDemoAccount(db, account, settings.demoPassword, now, result.warnings)) {
        result.demo.push({ email: account.email, role: account.role });
      }
    }
    result.demoPassword = settings.demoPassword;
  } else {
    result.demoDisabled = await disableDemoAccounts(db, now);
  }
  if (settings.admin) {
    result.admin = await ensureAdmin(db, settings.admin, now);
  } else if (!settings.sandbox && !(await hasActiveAdmin(db))) {
    result.warnings.push(
      "No active admin account. Set ADMIN_EMAIL and ADMIN_PASSWORD (12+ characters) and restart to create one.",
    );
  }
  return result;
}

async function ensureDemoAccount(
  db: Db,
  account: (typeof DEMO_ACCOUNTS)[number],
  password: Secret,
  now: Date,
  warnings: string[],
): Promise<boolean> {
  const [existing] = await db.select().from(users).where(eq(users.email, account.email)).limit(1);
  if (!existing) {
    await db
      .insert(users)
      .values({ ...account, passwordHash: await hashPassword(password.reveal()), demo: true, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: users.email });
    await recordAudit(
      { action: "admin.user_create", outcome: "success", target: account.email, detail: { role: account.role, demo: true, ...system("sandbox on") }, at: now },
      db,
    );
    return true;
  }
  if (!existing.demo) {
    warnings.push(`${account.email} exists as a regular account, so it is not used as a demo account.`);
    return false;
  }
  const passwordOk = existing.passwordHash !== null && (await verifyPassword(password.reveal(), existing.passwordHash));
  if (!passwordOk) {
    // DEMO_PASSWORD changed since the account was made: the printed password must work.
    await db.update(users).set({ passwordHash: await hashPassword(password.reveal()), updatedAt: now }).where(eq(users.id, existing.id));
    await recordAudit(
      { action: "admin.password_reset", outcome: "success", target: existing.email, detail: { userId: existing.id, ...system("DEMO_PASSWORD changed") }, at: now },
      db,
    );
  }
  if (existing.disabledAt) {
    await db.update(users).set({ disabledAt: null, updatedAt: now }).where(eq(users.id, existing.id));
    await recordAudit(
      {
        action: "admin.user_update",
        outcome: "success",
        target: existing.email,
        detail: { userId: existing.id, changes: { disabled: { from: true, to: false } }, ...system("sandbox on") },
        at: now,
      },
      db,
    );
  }
  if (existing.lockedAt) warnings.push(`${account.email} is locked; an admin can unlock it on the Users page.`);
  return true;
}

async function disableDemoAccounts(db: Db, now: Date): Promise<number> {
  const disabled = await db
    .update(users)
    .set({ disabledAt: now, updatedAt: now })
    .where(and(eq(users.demo, true), isNull(users.disabledAt)))
    .returning();
  for (const row of disabled) {
    await endUserSessions(db, row.id, "disabled", now);
    await recordAudit(
      {
        action: "admin.user_update",
        outcome: "success",
        target: row.email,
        detail: { userId: row.id, changes: { disabled: { from: false, to: true } }, ...system("sandbox off") },
        at: now,
      },
      db,
    );
  }
  return disabled.length;
}

async function hasActiveAdmin(db: Db, includeDemo = false): Promise<boolean> {
  const rows = await db
    .select({ id: users.id, demo: users.demo })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), isNull(users.lockedAt)));
  return rows.some((r) => includeDemo || !r.demo);
}

async function ensureAdmin(
  db: Db,
  admin: { email: string; password: Secret },
  now: Date,
): Promise<InitialAccounts["admin"]> {
  const email = admin.email.toLowerCase();
  if (await hasActiveAdmin(db)) return { email, outcome: "present" };
  const passwordHash = await hashPassword(admin.password.reveal());
  const [existing] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!existing) {
    const [row] = await db
      .insert(users)
      .values({ email, name: "Administrator", role: "admin", passwordHash, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(
      { action: "admin.user_create", outcome: "success", target: email, detail: { userId: row?.id, role: "admin", ...system("ADMIN_EMAIL, no active admin") }, at: now },
      db,
    );
    return { email, outcome: "created" };
  }
  await db
    .update(users)
    .set({ role: "admin", disabledAt: null, lockedAt: null, demo: false, passwordHash, updatedAt: now })
    .where(eq(users.id, existing.id));
  await recordAudit(
    {
      action: "admin.user_update",
      outcome: "success",
      target: email,
      detail: { userId: existing.id, changes: { role: { from: existing.role, to: "admin" }, restored: true }, ...system("ADMIN_EMAIL, no active admin") },
      at: now,
    },
    db,
  );
  return { email, outcome: "restored" };
}

/** Lines for the start-up banner. Prints the demo password on purpose: it only exists in the sandbox. */
export function describeInitialAccounts(result: InitialAccounts): string[] {
  const lines: string[] = [];
  if (result.sandbox && result.demo.length > 0) {
    lines.push(`Sandbox accounts (password: ${result.demoPassword?.reveal() ?? "?"}):`);
    for (const d of result.demo) lines.push(`  ${d.role.padEnd(17)} ${d.email}`);
  }
  if (result.demoDisabled > 0) lines.push(`Sandbox is off: ${result.demoDisabled} demo account(s) disabled.`);
  if (result.admin?.outcome === "created") lines.push(`Admin account created: ${result.admin.email}`);
  if (result.admin?.outcome === "restored") lines.push(`Admin account restored (enabled, unlocked, password from ADMIN_PASSWORD): ${result.admin.email}`);
  for (const w of result.warnings) lines.push(`Warning: ${w}`);
  return lines;
}

/** Once per process: the first caller (start-up, or the first sign-in) does the work, others wait for it. */
export function initialAccounts(): Promise<InitialAccounts> {
  return singleton("auth.initial-accounts", () => {
    const run = getDb().then((db) => ensureInitialAccounts(db));
    run.catch(() => dropSingleton("auth.initial-accounts"));
    return run;
  });
}
