import { minutes } from "./policy";
import type { SessionEndReason } from "./sessions";

/**
 * The one message for every failed sign-in. It must not tell whether the account exists, is
 * locked or is disabled; the audit trail records the real reason.
 */
export const SIGN_IN_FAILED =
  "Sign-in failed. The e-mail address or password is not right, or this account cannot sign in now. " +
  "If it keeps happening, ask an administrator.";

export function sessionEndedMessage(
  reason: SessionEndReason | "ended",
  limits: { sessionIdleMs: number; sessionMaxMs: number },
): string {
  switch (reason) {
    case "idle": {
      const n = minutes(limits.sessionIdleMs);
      return `Your session ended after ${n} minute${n === 1 ? "" : "s"} without activity. Sign in again.`;
    }
    case "max_age":
      return `Your session reached its ${Math.round(limits.sessionMaxMs / 3_600_000)}-hour limit. Sign in again.`;
    case "signout":
      return "You have signed out.";
    default:
      return "Your session has ended. Sign in again.";
  }
}

/** Only same-site paths are followed after sign-in, never another host. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return "/";
  if (next.startsWith("/signin") || next.startsWith("/api/")) return "/";
  return next.slice(0, 512);
}
