/**
 * The audit vocabulary. Every module records with these names so the audit page can filter by
 * them; add a name here (and nowhere else) when a new kind of event must be recorded.
 */
export const AUDIT_ACTIONS = [
  "auth.signin",
  "auth.lockout",
  "auth.unlock",
  "auth.throttle",
  "auth.throttle_clear",
  "auth.signout",
  "auth.session_timeout",
  "auth.session_expired",
  "access.denied",
  "admin.user_create",
  "admin.user_update",
  "admin.password_reset",
  "admin.upstream_test",
  "audit.view",
  "audit.export",
  "audit.purge",
  "audit.archive_download",
  "lei.lookup",
  "call.open",
  "call.close",
  "call.view",
  "additional_data.view",
  "review.search",
  "review.view",
  "review.export",
  "datashare.received",
  "datashare.flood",
  "alert.accept",
  "alert.decline",
  "alert.disposition",
  "alert.chat",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ["success", "failure", "denied", "error"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
