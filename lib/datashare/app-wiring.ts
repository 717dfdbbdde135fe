/**
 * The running app's Data Share: its dependencies wired to the process configuration, database,
 * live bus and call tracker, and what happens once a share is accepted.
 */
import "server-only";
import { callTracker } from "@/lib/calls/console-calls";
import { getConfig } from "@/lib/config/env";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Db } from "@/lib/db/client";
import { log } from "@/lib/server/log";
import { singleton } from "@/lib/server/singleton";
import { liveBus, type LiveBus } from "@/lib/live/bus";
import type { DatashareDeps } from "./handler";
import { OTHER_SOURCES, REJECTION_POLICY, RejectionLimiter, type FloodRow } from "./rejection-limiter";
import { dataSealKey } from "./seal";
import { forgetSpentTokens, type StoredDelivery } from "./store";

/**
 * Tell every console (on every instance: the bus is NOTIFY-based) and start polling LEI now
 * rather than at the next tick. A second share of a call already shared is news for that call only.
 *
 * The `shared` nudge itself wakes the polling instance's tracker (CallTracker.follow), this one
 * included, so it is woken directly only when that nudge could not be sent. Waking it here as well
 * ran a second full tick (every active call asked of LEI again) right behind the first, while the
 * consoles were refetching their lists: twice the work exactly when a share should reach the screen.
 * An attached share sends `call`, which the tracker does not follow, so that one wakes it here.
 */
export async function announceShare(
  bus: Pick<LiveBus, "publish">,
  /** Ask LEI about this caller now (when no nudge will make the poller do it). */
  wake: (phone: string) => void,
  stored: Extract<StoredDelivery, { status: "accepted" }>,
): Promise<void> {
  if (stored.share === "attached") {
    wake(stored.phone);
    await bus.publish({ type: "call", id: stored.callId });
  } else if (!(await bus.publish({ type: "shared", id: stored.callId, phone: stored.phone }))) {
    wake(stored.phone);
  }
  await bus.publish({ type: "calls", reason: "shared" });
}

/** Flood counts become audit rows: one per source per minute. */
export async function writeFloodRows(db: Db, rows: FloodRow[]): Promise<void> {
  for (const row of rows) {
    await recordAudit(
      {
        action: "datashare.flood",
        outcome: "denied",
        target: row.source,
        meta: { ip: row.source === OTHER_SOURCES ? null : row.source, userAgent: null },
        detail: { ...row },
        at: new Date(row.lastAt),
      },
      db,
    );
  }
}

/** The process's limiter; a timer writes each finished minute's counts (and the rest at exit). */
export function floodLimiter(): RejectionLimiter {
  return singleton("datashare-flood-limiter", () => {
    const limiter = new RejectionLimiter(REJECTION_POLICY, async (rows) => writeFloodRows(await getDb(), rows));
    const flush = (all: boolean) =>
      limiter.flush(Date.now(), all).catch((err) => log().error({ err }, "Data Share flood counts could not be audited"));
    setInterval(() => void flush(false), 10_000).unref();
    process.once("beforeExit", () => void flush(true));
    return limiter;
  });
}

export async function datashareDeps(defer: DatashareDeps["defer"]): Promise<DatashareDeps> {
  const db = await getDb();
  return {
    db,
    secrets: getConfig().datashare.secrets,
    sealKey: dataSealKey(),
    defer,
    limiter: floodLimiter(),
    onAccepted: async (stored) => {
      await announceShare(liveBus(), (phone) => void callTracker().pollNow(phone), stored);
      // Housekeeping rides on new shares: tokens are only worth keeping while they can be used.
      await forgetSpentTokens(db);
    },
  };
}
