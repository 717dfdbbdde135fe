/**
 * Write one audit row: who, what, when (UTC, milliseconds), from where, outcome. Rows are never
 * updated or deleted (a database trigger refuses it); this module only inserts.
 */
import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import type { AuditAction, AuditOutcome } from "./actions";
import { scrubDetail } from "./scrub";

export interface AuditActor {
  id?: string | null;
  email?: string | null;
}

export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  /** The signed-in user (a SessionUser fits), or who tried; omit for the system itself. */
  actor?: AuditActor | null;
  /** What the action was about: a user's e-mail, a call id, a route. */
  target?: string | null;
  /** Digits with country code, as lib/phone normalizes them. */
  phone?: string | null;
  /** Where the request came from (RequestMeta fits). */
  meta?: { ip: string | null; userAgent: string | null } | null;
  /** Anything else worth keeping. Never a secret: secret-looking keys and values are redacted. */
  detail?: Record<string, unknown>;
  /** Defaults to now; tests with an injected clock pass their own. */
  at?: Date;
}

export type AuditRow = typeof auditLog.$inferSelect;

const MAX_TEXT = 512;
const cut = (v: string | null | undefined): string | null =>
  v === null || v === undefined || v === "" ? null : v.slice(0, MAX_TEXT);

/** The row `recordAudit` would write; exported for tests. */
export function auditValues(event: AuditEvent): typeof auditLog.$inferInsert {
  return {
    at: event.at ?? new Date(),
    actorId: event.actor?.id ?? null,
    actorEmail: cut(event.actor?.email?.toLowerCase()),
    action: event.action,
    outcome: event.outcome,
    target: cut(event.target),
    phone: cut(event.phone),
    ip: cut(event.meta?.ip),
    userAgent: cut(event.meta?.userAgent),
    detail: scrubDetail(event.detail ?? {}),
  };
}

/**
 * Append one row. Throws if the database refuses it: an action that must be audited should not
 * silently go unrecorded.
 */
export async function recordAudit(event: AuditEvent, db?: Db): Promise<AuditRow> {
  const target = db ?? (await getDb());
  const [row] = await target.insert(auditLog).values(auditValues(event)).returning();
  if (!row) throw new Error("audit row was not written");
  return row;
}
