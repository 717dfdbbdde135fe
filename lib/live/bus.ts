/**
 * Live nudges: tiny "this changed" events. They travel through PostgreSQL NOTIFY so every app
 * instance hears every nudge (PGlite delivers them in-process), and each instance fans them out to
 * its own server-sent-event streams. Data never travels this way: a call nudge makes the browser
 * refetch through its normal (conditional) queries, a devices nudge makes each instance read the
 * new device state once; polling covers a lost one.
 */
import "server-only";
import { EventEmitter } from "node:events";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { getDatabase } from "@/lib/db/client";
import { log } from "@/lib/server/log";
import { singleton } from "@/lib/server/singleton";

export const LIVE_CHANNEL = "dm_live";

export const liveEventSchema = z.discriminatedUnion("type", [
  /** The set of calls (or their status) changed: refetch the call list. */
  z.object({ type: z.literal("calls"), reason: z.string().max(40).optional() }),
  /** New locations (or a status change) for one call. */
  z.object({ type: z.literal("call"), id: z.string().uuid() }),
  /** A call was shared to the center through Data Share: announce it. */
  z.object({ type: z.literal("shared"), id: z.string().uuid(), phone: z.string().max(20) }),
  /**
   * Between instances only: the polling instance wrote device state up to this version. Each
   * instance reads it once and sends consoles the delta itself (see lib/live/sse.ts).
   */
  z.object({ type: z.literal("devices"), version: z.number().int().positive() }),
  /** Central-station alerts changed (one alert when `id` is given): refetch the alert queue. */
  z.object({ type: z.literal("alerts"), id: z.string().max(200).optional() }),
  /**
   * Between instances only: whether the instance holding the Alerts events connection has it open
   * (sent on every change and as a heartbeat), so every instance tells consoles the same thing.
   */
  z.object({ type: z.literal("alerts-events"), connected: z.boolean() }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;

/** Events that only instances read; a browser's stream never carries them. */
export const betweenInstancesOnly = (event: LiveEvent): boolean => event.type === "devices" || event.type === "alerts-events";

/** Events after which a call list or a call may read differently. */
export const changesCalls = (event: LiveEvent): boolean => event.type === "calls" || event.type === "call" || event.type === "shared";

export class LiveBus {
  readonly #local = new EventEmitter();
  #listening: Promise<void> | null = null;

  constructor(private readonly database: () => Promise<Database>) {
    // Every open console holds a listener.
    this.#local.setMaxListeners(0);
  }

  /** Subscribe this instance to the cluster-wide channel (idempotent). */
  start(): Promise<void> {
    this.#listening ??= this.database()
      .then((db) =>
        db.listen(LIVE_CHANNEL, (payload) => {
          const parsed = liveEventSchema.safeParse(safeJson(payload));
          if (parsed.success) this.#local.emit("event", parsed.data);
        }),
      )
      .then(() => undefined)
      .catch((err: unknown) => {
        this.#listening = null;
        throw err;
      });
    return this.#listening;
  }

  /** True once the nudge is on the channel; false when it could not be sent (logged, never thrown). */
  async publish(event: LiveEvent): Promise<boolean> {
    try {
      await (await this.database()).notify(LIVE_CHANNEL, JSON.stringify(event));
      return true;
    } catch (err) {
      // A lost nudge costs one polling interval, never data.
      log().warn({ err, event: event.type }, "live nudge not sent");
      return false;
    }
  }

  subscribe(onEvent: (event: LiveEvent) => void): () => void {
    void this.start().catch((err: unknown) => log().warn({ err }, "live channel not listening"));
    this.#local.on("event", onEvent);
    return () => this.#local.off("event", onEvent);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function liveBus(): LiveBus {
  return singleton("live-bus", () => new LiveBus(getDatabase));
}
