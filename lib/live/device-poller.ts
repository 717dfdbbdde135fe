/**
 * Axon device state, polled once per cluster. The instance holding the advisory lock asks Axon for
 * every page at its cadence (about every 5 s), backing off on 429 (Retry-After) and on faults, and
 * feeds this instance's DeviceFeed; on PostgreSQL it also writes each changed device with its version
 * and announces the version, so every other instance reads only what changed — once per instance,
 * never per console. Trails for review are written in one batch per poll. If the polling instance
 * dies, its lock goes with its connection and another takes over at its next tick.
 */
import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { DevicesResponse } from "@/lib/axon/types";
import type { Database, Db } from "@/lib/db/client";
import { deviceStates, liveFeeds } from "@/lib/db/schema";
import { log } from "@/lib/server/log";
import { isHttpError } from "@/lib/server/http";
import { isUpstreamError } from "@/lib/upstream/errors";
import type { LiveBus } from "./bus";
import type { DeviceDelta, DeviceFeed, DeviceFeedMeta, DeviceFeedStatus } from "./device-feed";

const LEADER_JOB = "axon-device-poller";
const FEED = "devices";
/** Longest wait between attempts while Axon keeps failing. */
const MAX_BACKOFF_MS = 60_000;

export interface DevicePollerDeps {
  database: () => Promise<Database>;
  /** All pages of the device search (the Axon client's listDevices). */
  listDevices: () => Promise<DevicesResponse>;
  feed: DeviceFeed;
  bus: Pick<LiveBus, "publish" | "subscribe">;
  /** Store positions for review (one batch per poll). */
  recordTrails: (response: DevicesResponse) => Promise<void>;
  intervalMs: number;
  /** The data clock (the sandbox's when embedded), for "last good answer at". */
  now: () => number;
}

export class DevicePoller {
  #timer: NodeJS.Timeout | null = null;
  #stopped = true;
  #failures = 0;
  #running: Promise<void> | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: DevicePollerDeps) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    // A follower hears the leader's new version at once instead of at its next tick.
    this.#unsubscribe = this.deps.bus.subscribe((event) => {
      if (event.type === "devices" && event.version > this.deps.feed.version) void this.#follow();
    });
    this.#schedule(0);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  /** One tick now (tests, and start-up); resolves when it is done. */
  tick(): Promise<void> {
    this.#running ??= this.#tick().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /**
   * A poll that starts after this call, even when one is in flight (its answer may be older than
   * the reason for asking, such as a sandbox reset); resolves when it is done.
   */
  async refresh(): Promise<void> {
    if (this.#stopped) return;
    await this.#running?.catch(() => undefined);
    return this.tick();
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      void this.tick().then(
        () => this.#schedule(this.#nextDelay),
        () => this.#schedule(this.deps.intervalMs),
      );
    }, delayMs);
    this.#timer.unref();
  }

  #nextDelay = 0;

  async #tick(): Promise<void> {
    this.#nextDelay = this.deps.intervalMs;
    let database: Database;
    try {
      database = await this.deps.database();
      if (!(await database.tryLead(LEADER_JOB))) {
        await this.#follow();
        return;
      }
      // A new leader first catches up with what the last one wrote, so versions only go forward.
      if (database.kind === "postgres") await this.#follow();
    } catch (err) {
      log().warn({ err }, "device poller could not reach the database");
      return;
    }
    await this.#poll(database);
  }

  async #poll(database: Database): Promise<void> {
    const { feed } = this.deps;
    let delta: DeviceDelta | null;
    let response: DevicesResponse | null = null;
    try {
      response = await this.deps.listDevices();
      this.#failures = 0;
      const ok: DeviceFeedStatus = { ok: true, detail: null, lastOkAt: this.deps.now(), status: null, retryAfterS: null };
      delta = feed.replaceAll(response.devices, metaOf(response), ok, nextVersion(feed.version));
    } catch (err) {
      this.#failures += 1;
      const retryAfterS = isUpstreamError(err) ? err.retryAfterSeconds : null;
      this.#nextDelay = retryAfterS
        ? Math.max(this.deps.intervalMs, retryAfterS * 1000)
        : Math.min(MAX_BACKOFF_MS, this.deps.intervalMs * 2 ** Math.min(this.#failures - 1, 4));
      const detail = isUpstreamError(err) ? err.detail : "The device service did not answer.";
      log().warn({ err: isUpstreamError(err) ? err.internal : String(err), retryInMs: this.#nextDelay }, "Axon device poll failed");
      const failing: DeviceFeedStatus = {
        ok: false,
        detail,
        lastOkAt: feed.upstream.lastOkAt,
        status: isHttpError(err) ? err.status : 502,
        retryAfterS,
      };
      delta = feed.setUpstream(failing, nextVersion(feed.version));
    }
    if (delta) await this.#publish(database, delta);
    if (response) await this.deps.recordTrails(response).catch((err: unknown) => log().warn({ err }, "device trail not stored"));
  }

  /** Other instances learn of the new version: on PostgreSQL through the table, announced on the bus. */
  async #publish(database: Database, delta: DeviceDelta): Promise<void> {
    if (database.kind !== "postgres") return; // one process owns a PGlite folder: nobody else to tell
    try {
      await writeDelta(database.db, delta);
      await this.deps.bus.publish({ type: "devices", version: delta.version });
    } catch (err) {
      log().warn({ err }, "device state not shared with the other instances");
    }
  }

  /** Read what the polling instance wrote since this instance's version. */
  async #follow(): Promise<void> {
    const database = await this.deps.database();
    if (database.kind !== "postgres") return;
    const { feed } = this.deps;
    const [head] = await database.db.select().from(liveFeeds).where(eq(liveFeeds.name, FEED)).limit(1);
    if (!head || head.version <= feed.version) return;
    const rows = await database.db
      .select({ id: deviceStates.deviceId, device: deviceStates.device })
      .from(deviceStates)
      .where(and(gt(deviceStates.version, feed.version), sql`${deviceStates.version} <= ${head.version}`));
    const state = head.state as { meta: DeviceFeedMeta; upstream: DeviceFeedStatus };
    const changed = rows.flatMap((r) => (r.device ? [r.device as DevicesResponse["devices"][number]] : []));
    const removed = rows.filter((r) => !r.device).map((r) => r.id);
    if (feed.version === 0) feed.replaceAll(changed, state.meta, state.upstream, head.version);
    else feed.applyChanges(changed, removed, state.meta, state.upstream, head.version);
  }
}

async function writeDelta(db: Db, delta: DeviceDelta): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = [
      ...delta.changed.map((d) => ({ deviceId: d.id, version: delta.version, device: d })),
      ...delta.removed.map((id) => ({ deviceId: id, version: delta.version, device: null })),
    ];
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(deviceStates)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: deviceStates.deviceId,
          set: { version: sql`excluded.version`, device: sql`excluded.device` },
        });
    }
    const state = { meta: delta.meta, upstream: delta.upstream };
    await tx
      .insert(liveFeeds)
      .values({ name: FEED, version: delta.version, state })
      .onConflictDoUpdate({ target: liveFeeds.name, set: { version: delta.version, state, updatedAt: new Date() } });
  });
}

function metaOf(response: DevicesResponse): DeviceFeedMeta {
  return { agency: response.agency, dropped: response.dropped, notice: response.notice ?? null };
}

/**
 * Versions are wall-clock milliseconds (or one more than the last): they keep going up across a
 * restart or a change of leader, so a console's old version never names a different state.
 */
export function nextVersion(current: number): number {
  return Math.max(current + 1, Date.now());
}
