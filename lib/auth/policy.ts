import { getConfig } from "@/lib/config/env";

/** The limits sign-in and sessions enforce; passed explicitly so tests can shorten them. */
export interface AuthPolicy {
  lockoutMaxFailures: number;
  lockoutWindowMs: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
}

export function authPolicy(): AuthPolicy {
  const { lockoutMaxFailures, lockoutWindowMs, sessionIdleMs, sessionMaxMs } = getConfig().auth;
  return { lockoutMaxFailures, lockoutWindowMs, sessionIdleMs, sessionMaxMs };
}

export const minutes = (ms: number) => Math.round(ms / 60_000);
