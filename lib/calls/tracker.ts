/**
 * Follows every live call the center cares about — calls shared through Data Share and calls a
 * telecommunicator has open — by polling LEI every few seconds, storing what arrives and nudging the
 * consoles. One instance in the cluster polls (advisory-lock leadership), so each caller costs LEI
 * one request per interval however many consoles watch it.
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, exists, gt, isNull, lt, or, sql } from "drizzle-orm";
import { callWatches, calls } from "@/lib/db/schema";
import type { Secret } from "@/lib/config/secret";
import type { Database } from "@/lib/db/client";
import type { LiveBus } from "@/lib/live/bus";
import { log } from "@/lib/server/log";
import { isUpstreamError } from "@/lib/upstream/errors";
import { syncPhone, type LeiLookup, type SharedToken, type SyncResult } from "./sync";
import { LruMap } from "@/lib/server/lru";

/** Calls nobody watches are still checked this often, so they are marked ended when LEI forgets them. */
const ORPHAN_CHECK = "5 minutes";
/** The cluster-wide job name: the instance holding its lock polls LEI. */
const LEADER_JOB = "lei-call-tracker";
/** At most this many callers are polled at once. */
const CONCURRENCY = 4;

export interface TrackerDeps {
  database: () => Promise<Database>;
  lookup: LeiLookup;
  bus: Pick<LiveBus, "publish">;
  intervalMs: number;
  /** The LEI token a Data Share delivered for this number, if any (tried before our own). */
  sharedToken?: (phone: string) => Promise<Secret | undefined>;
  /**
   * More to fetch for a caller LEI just answered for (additional data), in the same poll and with
   * the same shared token; returns the ids of calls whose stored data changed.
   */
  afterSync?: (database: Database, phone: string, result: SyncResult, shared?: SharedToken) => Promise<string[]>;
  /** How far apart two "not found" answers must be to count as two misses; default half the interval. */
  missSpacingMs?: number;
}

/** Callers and refused tokens remembered at once: far above a center's live calls. */
const MAX_REMEMBERED = 5_000;

export class CallTracker {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #tickAgain = false;
  /** phone → time before which we leave it alone (LEI said 429, or keeps failing). Bounded: a
   * number that stops being polled would otherwise stay here for the life of the process. */
  readonly #backoff = new LruMap<string, number>(MAX_REMEMBERED);
  /** Digests of shared tokens RapidSOS refused: we use our own credentials for those callers. */
  readonly #refused = new LruMap<string, true>(MAX_REMEMBERED);
  /** Numbers being polled now, and those asked for again meanwhile: one poll per number at a time. */
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #again = new Set<string>();

  constructor(private readonly deps: TrackerDeps) {}

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.wake(), this.deps.intervalMs);
    this.#timer.unref();
    this.wake();
  }

  /** A share received by any instance makes the polling one ask LEI about that caller at once. */
  follow(bus: Pick<LiveBus, "subscribe">): () => void {
    return bus.subscribe((event) => {
      if (event.type === "shared") void this.pollNow(event.phone);
    });
  }

  /**
   * Poll one number now, if this instance is the poller. A share needs only its own caller fetched;
   * a full sweep of every live call would slow the consoles' refetch that follows the nudge.
   */
  async pollNow(phone: string): Promise<void> {
    try {
      const database = await this.deps.database();
      if (!(await database.tryLead(LEADER_JOB))) return;
      await this.#poll(database, phone);
    } catch (err) {
      log().error({ err }, "call tracker poll failed");
    }
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Poll now (a call was just opened or shared); coalesces with a tick already running. */
  wake(): Promise<void> {
    if (this.#running) {
      this.#tickAgain = true;
      return this.#running;
    }
    this.#running = this.#tick()
      .catch((err: unknown) => log().error({ err }, "call tracker tick failed"))
      .finally(() => {
        this.#running = null;
        if (this.#tickAgain) {
          this.#tickAgain = false;
          void this.wake();
        }
      });
    return this.#running;
  }

  async #tick(): Promise<void> {
    const database = await this.deps.database();
    if (!(await database.tryLead(LEADER_JOB))) return;
    const rows = await database.db
      .selectDistinct({ phone: calls.phone })
      .from(calls)
      .where(
        and(
          eq(calls.status, "active"),
          or(
            eq(calls.shared, true),
            exists(
              database.db.select().from(callWatches).where(eq(callWatches.phone, calls.phone)),
            ),
            isNull(calls.lastPolledAt),
            gt(calls.interestUntil, sql`now()`),
            lt(calls.lastPolledAt, sql`now() - ${ORPHAN_CHECK}::interval`),
          ),
        ),
      );
    const now = Date.now();
    const phones = rows
      .map((r) => r.phone)
      .filter((p) => (this.#backoff.get(p) ?? 0) <= now);
    for (let i = 0; i < phones.length; i += CONCURRENCY) {
      await Promise.all(phones.slice(i, i + CONCURRENCY).map((p) => this.#poll(database, p)));
    }
  }

  /**
   * A storm of shares for one number asks for hundreds of polls in seconds: while one runs, the
   * others become a single follow-up poll, so LEI sees one request at a time per caller and the
   * answers come in order.
   */
  #poll(database: Database, phone: string): Promise<void> {
    const running = this.#inFlight.get(phone);
    if (running) {
      this.#again.add(phone);
      return running;
    }
    const run = (async () => {
      try {
        do {
          this.#again.delete(phone);
          await this.#pollOnce(database, phone);
        } while (this.#again.has(phone));
      } finally {
        this.#inFlight.delete(phone);
      }
    })();
    this.#inFlight.set(phone, run);
    return run;
  }

  async #pollOnce(database: Database, phone: string): Promise<void> {
    let outcome: SyncResult;
    let shared: SharedToken | undefined;
    try {
      shared = await this.#sharedToken(phone);
      outcome = await syncPhone(database.db, this.deps.lookup, phone, shared, {
        missSpacingMs: this.deps.missSpacingMs ?? Math.floor(this.deps.intervalMs / 2),
      });
      this.#backoff.delete(phone);
    } catch (err) {
      if (isUpstreamError(err) && err.kind === "rate_limited") {
        this.#backoff.set(phone, Date.now() + Math.max(1, err.retryAfterSeconds ?? 5) * 1000);
      }
      // Upstream trouble is visible through upstream health; the last data stays on screen.
      log().warn({ phone: maskPhone(phone), err: describe(err) }, "LEI poll failed");
      return;
    }
    if (this.deps.afterSync && outcome.currentCallId) {
      const changed = await this.deps.afterSync(database, phone, outcome, shared).catch((err: unknown) => {
        log().warn({ phone: maskPhone(phone), err: describe(err) }, "after-sync fetch failed");
        return [];
      });
      outcome = { ...outcome, changedCallIds: [...new Set([...outcome.changedCallIds, ...changed])] };
    }
    await this.#announce(outcome);
  }

  async #sharedToken(phone: string): Promise<SharedToken | undefined> {
    const accessToken = await this.deps.sharedToken?.(phone);
    if (!accessToken) return undefined;
    const key = createHash("sha256").update(accessToken.reveal()).digest("base64url");
    if (this.#refused.has(key)) return undefined;
    return { accessToken, onRefused: () => this.#refused.set(key, true) };
  }

  async #announce(outcome: SyncResult): Promise<void> {
    for (const id of outcome.changedCallIds) await this.deps.bus.publish({ type: "call", id });
    if (outcome.statusChangedCallIds.length > 0) {
      for (const id of outcome.statusChangedCallIds) await this.deps.bus.publish({ type: "call", id });
      await this.deps.bus.publish({ type: "calls", reason: "status" });
    }
  }
}

/** Logs keep the area code only: enough to debug, not a caller's number. */
export function maskPhone(phone: string): string {
  return phone.length > 6 ? `${phone.slice(0, 4)}…${phone.slice(-2)}` : "…";
}

function describe(err: unknown): string {
  if (isUpstreamError(err)) return `${err.kind}: ${err.internal}`;
  return err instanceof Error ? err.message : String(err);
}
