import "server-only";
/**
 * Holds the Alerts events connection for the whole cluster: the instance that wins the advisory lock
 * connects (`ws`), catches up through GET /v1/alerts from the stored `alerts_until` on every connect
 * and every few seconds while the socket is down, refreshes open alerts, reconnects with jittered
 * backoff, and reconnects with a fresh token before the old one expires. Every change lands in the
 * store and nudges the consoles through the live bus. The same instance asks RAD-E for each open
 * alert's additional data (by `alert_id`) when it is due, so a cluster asks once, not each console.
 */
import { createHash } from "node:crypto";
import WebSocket from "ws";
import type { AdditionalDataFetch } from "@/lib/additional-data/client";
import { refreshAlertsAdditionalData } from "@/lib/additional-data/store";
import type { Database } from "@/lib/db/client";
import type { LiveBus } from "@/lib/live/bus";
import { log } from "@/lib/server/log";
import { isUpstreamError } from "@/lib/upstream/errors";
import type { AlertsClient } from "./client";
import { applyEvent, parseEnvelope, type EventOutcome } from "./events";
import { reshapeAlert, reshapeLogMessage } from "./reshape";
import { getCursor, openAlertIds, setCursor, upsertAlert } from "./store";

export const EVENT_TYPES = [
  "alert.new",
  "alert.status_update",
  "alert.disposition_update",
  "alert.location_update",
  "alert.chat",
  "alert.milestone",
  "alert.multi_trip_signal",
] as const;
const LEADER_JOB = "alerts-events";
/** The platform keeps alerts 12 hours: a first catch-up starts there. */
const PLATFORM_RETENTION_MS = 12 * 3_600_000;
const PAGE = 100;
const DEDUPE_MEMORY = 5_000;
/** The holder of the events connection repeats its state this often, and on every change. */
const HEARTBEAT_MS = 10_000;
/** What another instance announced counts this long. */
const HEARD_VALID_MS = 3 * HEARTBEAT_MS;

export interface RunnerDeps {
  database: () => Promise<Database>;
  client: AlertsClient;
  /** The socket URL (the embedded sandbox's is known only once it listens). */
  socketUrl: () => string | null;
  bus: Pick<LiveBus, "publish" | "subscribe">;
  /** The data clock: event freshness is judged against it. */
  now: () => number;
  checkEveryMs?: number;
  /** Catch-up through the list while the socket is down, this often. */
  pollWhileDownMs?: number;
  backoffMaxMs?: number;
  /** RAD-E, for each open alert's additional data; without it, none is fetched. */
  additionalData?: () => AdditionalDataFetch;
}

export class AlertsRunner {
  #ws: WebSocket | null = null;
  #timer: NodeJS.Timeout | null = null;
  #refresh: NodeJS.Timeout | null = null;
  #attempt = 0;
  #nextTryAt = 0;
  #lastCatchUp = 0;
  #connecting = false;
  #stopped = true;
  #queue: Promise<void> = Promise.resolve();
  readonly #seen = new Set<string>();
  /** For tests and the bench: every outcome, in order. */
  onOutcome: ((o: EventOutcome) => void) | null = null;

  constructor(private readonly deps: RunnerDeps) {}

  get connected(): boolean {
    return this.#ws?.readyState === WebSocket.OPEN;
  }

  /**
   * Whether the cluster's events connection is up, as this instance knows it: its own socket when it
   * holds the connection, otherwise what the holder last announced (a silent holder counts as down).
   */
  get eventsLive(): boolean {
    if (this.#leading) return this.connected;
    return this.#heard !== null && this.#heard.connected && Date.now() - this.#heard.at < HEARD_VALID_MS;
  }

  #leading = false;
  #heard: { connected: boolean; at: number } | null = null;
  #announced: { connected: boolean; at: number } | null = null;
  #unsubscribe: (() => void) | null = null;

  /** The holder tells the other instances on every change, and as a heartbeat. */
  async #announce(): Promise<void> {
    const connected = this.connected;
    const last = this.#announced;
    if (last && last.connected === connected && Date.now() - last.at < HEARTBEAT_MS) return;
    this.#announced = { connected, at: Date.now() };
    await this.deps.bus.publish({ type: "alerts-events", connected });
    // Consoles refetch the queue, which carries the flag.
    if (last && last.connected !== connected) await this.deps.bus.publish({ type: "alerts" });
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#unsubscribe = this.deps.bus.subscribe((event) => {
      if (event.type === "alerts-events") this.#heard = { connected: event.connected, at: Date.now() };
    });
    this.#timer = setInterval(() => void this.#check(), this.deps.checkEveryMs ?? 1_000);
    this.#timer.unref();
    void this.#check();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#leading = false;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#refresh) clearTimeout(this.#refresh);
    this.#timer = this.#refresh = null;
    this.#ws?.terminate();
    this.#ws = null;
    await this.#queue;
    await this.#radeRound;
  }

  #checking = false;

  async #check(): Promise<void> {
    if (this.#stopped || this.#checking) return;
    this.#checking = true;
    try {
      const database = await this.deps.database();
      this.#leading = await database.tryLead(LEADER_JOB);
      if (!this.#leading) {
        this.#announced = null;
        if (this.#ws) this.#ws.terminate();
        return;
      }
      await this.#announce();
      this.#radeRound ??= this.#refreshAdditionalData(database).finally(() => (this.#radeRound = null));
      if (this.#ws || this.#connecting) return;
      const now = Date.now();
      if (now - this.#lastCatchUp >= (this.deps.pollWhileDownMs ?? 5_000)) {
        this.#lastCatchUp = now;
        await this.#serial(() => this.catchUp(database));
      }
      if (now >= this.#nextTryAt) await this.#connect();
    } catch (err) {
      log().warn({ err: describe(err) }, "alerts runner check failed");
    } finally {
      this.#checking = false;
    }
  }

  async #connect(): Promise<void> {
    const base = this.deps.socketUrl();
    if (!base) return;
    this.#connecting = true;
    try {
      const token = await this.deps.client.tokens.get();
      const url = new URL(base);
      url.searchParams.set("token", token.reveal());
      url.searchParams.set("event_types", EVENT_TYPES.join(","));
      const ws = new WebSocket(url, { handshakeTimeout: 5_000, maxPayload: 1024 * 1024 });
      this.#ws = ws;
      ws.on("open", () => {
        this.#attempt = 0;
        this.deps.client.health.record("alerts", { ok: true, status: 101, detail: "events connected" });
        log().info("alerts events connected");
        this.#scheduleTokenRefresh();
        // Whatever happened while we were away comes through the list.
        void this.#serial(async () => this.catchUp(await this.deps.database()));
      });
      ws.on("message", (data) => {
        const text = String(data);
        void this.#serial(() => this.#onMessage(text));
      });
      ws.on("unexpected-response", (_req, res) => {
        const status = res.statusCode ?? 0;
        this.deps.client.health.record("alerts", { ok: false, status, detail: `events refused (HTTP ${status})` });
        // A refused token is dropped, so the next attempt fetches a new one.
        if (status === 401) this.deps.client.tokens.invalidate(token);
        log().warn({ status }, "alerts events connection refused");
        ws.terminate();
      });
      ws.on("error", (err) => log().warn({ err: err.message }, "alerts events socket error"));
      ws.on("close", () => {
        if (this.#ws === ws) this.#ws = null;
        if (this.#refresh) clearTimeout(this.#refresh);
        if (this.#stopped) return;
        this.#attempt += 1;
        const ceiling = Math.min(this.deps.backoffMaxMs ?? 30_000, 500 * 2 ** Math.min(this.#attempt, 8));
        this.#nextTryAt = Date.now() + ceiling / 2 + Math.random() * (ceiling / 2);
        this.#lastCatchUp = 0;
        log().info({ attempt: this.#attempt }, "alerts events disconnected; catching up through the list until back");
      });
    } catch (err) {
      this.#attempt += 1;
      this.#nextTryAt = Date.now() + Math.min(30_000, 500 * 2 ** this.#attempt);
      log().warn({ err: describe(err) }, "alerts events connect failed");
    } finally {
      this.#connecting = false;
    }
  }

  /** Reconnect with a fresh token shortly before this one expires (the token rides in the URL). */
  #scheduleTokenRefresh(): void {
    if (this.#refresh) clearTimeout(this.#refresh);
    const expiresAt = this.deps.client.tokenExpiresAt;
    if (!expiresAt) return;
    const lifetime = expiresAt - Date.now();
    const wait = Math.max(1_000, lifetime - Math.min(60_000, lifetime * 0.1));
    this.#refresh = setTimeout(() => {
      log().info("alerts events: reconnecting with a fresh token");
      this.deps.client.tokens.clear();
      this.#nextTryAt = 0;
      this.#attempt = 0;
      this.#ws?.close(1000, "token refresh");
    }, wait);
    this.#refresh.unref();
  }

  /** Messages are applied one at a time, in order. */
  #serial(task: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(task).catch((err: unknown) => log().error({ err: describe(err) }, "alerts runner task failed"));
    return this.#queue;
  }

  async #onMessage(text: string): Promise<void> {
    const digest = createHash("sha256").update(text).digest("base64url");
    if (this.#seen.has(digest)) {
      this.#report({ kind: "dropped", reason: "duplicate delivery ignored" });
      return;
    }
    this.#remember(digest);
    const parsed = parseEnvelope(text, this.deps.now());
    if (!parsed.ok) {
      this.#report({ kind: "dropped", reason: parsed.reason });
      return;
    }
    const database = await this.deps.database();
    let outcome = await applyEvent(database.db, parsed.type, parsed.body, parsed.timestamp);
    if (outcome.kind === "unknown-alert") {
      // An update for an alert we never saw (we were down, or it came first): fetch it, then apply.
      await this.#refreshAlert(database, outcome.alertId);
      outcome = await applyEvent(database.db, parsed.type, parsed.body, parsed.timestamp);
    }
    this.#report(outcome);
    if (outcome.kind === "applied" && outcome.changed) await this.deps.bus.publish({ type: "alerts", id: outcome.alertId });
  }

  #radeRound: Promise<void> | null = null;

  /**
   * Additional data for the alerts that are due (refreshAlertsAdditionalData: the open ones, and once
   * any alert never asked about), beside the event queue: a slow RAD-E never holds up the events.
   * One round at a time.
   */
  async #refreshAdditionalData(database: Database): Promise<void> {
    const fetch = this.deps.additionalData;
    if (!fetch) return;
    try {
      const since = this.deps.now() - PLATFORM_RETENTION_MS;
      for (const id of await refreshAlertsAdditionalData(database.db, fetch(), since)) await this.deps.bus.publish({ type: "alerts", id });
    } catch (err) {
      log().warn({ err: describe(err) }, "alerts additional data refresh failed");
    }
  }

  #remember(digest: string): void {
    this.#seen.add(digest);
    if (this.#seen.size > DEDUPE_MEMORY) {
      const first = this.#seen.values().next().value;
      if (first !== undefined) this.#seen.delete(first);
    }
  }

  #report(o: EventOutcome): void {
    if (o.kind === "dropped") log().warn({ type: o.type, alertId: o.alertId, reason: o.reason }, "alerts event dropped");
    else if (o.kind === "applied" && o.warnings.length > 0) log().warn({ type: o.type, alertId: o.alertId, warnings: o.warnings }, "alerts event partly dropped");
    this.onOutcome?.(o);
  }

  async #refreshAlert(database: Database, id: string): Promise<boolean> {
    const raw = await this.deps.client.get(id);
    if (raw === null) return false;
    const r = reshapeAlert(raw);
    if (!r.ok) {
      log().warn({ alertId: id, reason: r.reason }, "alert from GET dropped");
      return false;
    }
    const logs = Array.isArray((raw as { logs?: unknown }).logs) ? ((raw as { logs: unknown[] }).logs.map(reshapeLogMessage).filter(Boolean) as NonNullable<ReturnType<typeof reshapeLogMessage>>[]) : [];
    return upsertAlert(database.db, r.value, logs);
  }

  /** Every alert created since the stored cursor, then a refresh of the ones still open. */
  async catchUp(database: Database): Promise<void> {
    try {
      const changed = new Set<string>();
      let cursor = (await getCursor(database.db)) ?? Math.max(1, this.deps.now() - PLATFORM_RETENTION_MS);
      for (let pages = 0; pages < 50; pages++) {
        const page = await this.deps.client.list(cursor, PAGE);
        for (const raw of page.alerts) {
          const r = reshapeAlert(raw);
          if (!r.ok) {
            log().warn({ reason: r.reason }, "alert from the list dropped");
            continue;
          }
          if (await upsertAlert(database.db, r.value)) changed.add(r.value.id);
        }
        if (page.alertsUntil <= cursor || page.alerts.length === 0) break;
        cursor = page.alertsUntil;
        await setCursor(database.db, cursor);
        if (page.alerts.length < PAGE) break;
      }
      for (const id of await openAlertIds(database.db, this.deps.now() - PLATFORM_RETENTION_MS)) {
        if (await this.#refreshAlert(database, id)) changed.add(id);
      }
      for (const id of changed) await this.deps.bus.publish({ type: "alerts", id });
    } catch (err) {
      log().warn({ err: describe(err) }, "alerts catch-up failed");
    }
  }
}

function describe(err: unknown): string {
  if (isUpstreamError(err)) return `${err.kind}: ${err.internal}`;
  return err instanceof Error ? err.message : String(err);
}
