/**
 * Write one audit row: who, what, when (UTC, milliseconds), from where, outcome. Rows are never
 * updated or deleted (a database trigger refuses it); this module only inserts.
 */
import "server-only";
import { PgTransaction } from "drizzle-orm/pg-core";
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
 * silently go unrecorded. Resolves once the row is stored, never before.
 */
export async function recordAudit(event: AuditEvent, db?: Db): Promise<AuditRow> {
  const target = db ?? (await getDb());
  const values = auditValues(event);
  // Inside a transaction the row must be written by that transaction, on its own.
  if ((target as unknown) instanceof PgTransaction) return insertOne(target, values);
  let writer = writers.get(target);
  if (!writer) writers.set(target, (writer = new AuditWriter(target)));
  return writer.write(values);
}

type AuditValues = typeof auditLog.$inferInsert;

async function insertOne(db: Db, values: AuditValues): Promise<AuditRow> {
  const [row] = await db.insert(auditLog).values(values).returning();
  if (!row) throw new Error("audit row was not written");
  return row;
}

/** Rows per INSERT at most. */
const MAX_BATCH = 500;

/**
 * Group commit: a row is inserted at once when no insert is in flight; rows that arrive while one
 * is go together in the next INSERT, each caller still waiting for its own row. Under load (a
 * hundred lookups a second, each audited) that is a few statements a second instead of a hundred,
 * and when the load is light it adds nothing. A batch the database refuses is retried row by row,
 * so one bad row fails only its own action.
 */
class AuditWriter {
  readonly #queue: { values: AuditValues; resolve: (row: AuditRow) => void; reject: (err: unknown) => void }[] = [];
  #writing = false;

  constructor(private readonly db: Db) {}

  write(values: AuditValues): Promise<AuditRow> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ values, resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_BATCH);
        let rows: AuditRow[];
        try {
          // One INSERT … VALUES returns its rows in the order given.
          rows = await this.db.insert(auditLog).values(batch.map((p) => p.values)).returning();
        } catch (err) {
          if (batch.length === 1) batch[0]!.reject(err);
          // Refused as a whole: row by row, so one bad row fails only its own action.
          else for (const p of batch) await insertOne(this.db, p.values).then(p.resolve, p.reject);
          continue;
        }
        // Never inserted again once the statement succeeded: an audit row is never written twice.
        batch.forEach((p, i) => (rows[i] ? p.resolve(rows[i]) : p.reject(new Error("audit row was not written"))));
      }
    } finally {
      this.#writing = false;
    }
  }
}

const writers = new WeakMap<Db, AuditWriter>();
