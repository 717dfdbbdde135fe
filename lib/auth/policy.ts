import { getConfig } from "@/lib/config/env";

/** The limits sign-in and sessions enforce; passed explicitly so tests can shorten them. */
export interface AuthPolicy {
  lockoutMaxFailures: number;
  lockoutWindowMs: number;
  /** A lock releases by itself this long after it was set (an admin may release it sooner). */
  lockoutDurationMs: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
}

export function authPolicy(): AuthPolicy {
  const { lockoutMaxFailures, lockoutWindowMs, lockoutDurationMs, sessionIdleMs, sessionMaxMs } = getConfig().auth;
  return { lockoutMaxFailures, lockoutWindowMs, lockoutDurationMs, sessionIdleMs, sessionMaxMs };
}

export const minutes = (ms: number) => Math.round(ms / 60_000);

/** Whether a lock set at `lockedAt` still holds at `now`. */
export function lockHolds(lockedAt: Date | null, policy: Pick<AuthPolicy, "lockoutDurationMs">, now: Date): boolean {
  return lockedAt !== null && now.getTime() - lockedAt.getTime() < policy.lockoutDurationMs;
}

/** When a lock releases by itself. */
export function lockReleasesAt(lockedAt: Date, policy: Pick<AuthPolicy, "lockoutDurationMs">): Date {
  return new Date(lockedAt.getTime() + policy.lockoutDurationMs);
}
