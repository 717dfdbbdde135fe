/**
 * The running app's Data Share: its dependencies wired to the process configuration, database,
 * live bus and call tracker, and what happens once a share is accepted.
 */
import "server-only";
import { callTracker } from "@/lib/calls/console-calls";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { liveBus, type LiveBus } from "@/lib/live/bus";
import type { DatashareDeps } from "./handler";
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

export async function datashareDeps(defer: DatashareDeps["defer"]): Promise<DatashareDeps> {
  const db = await getDb();
  return {
    db,
    secrets: getConfig().datashare.secrets,
    sealKey: dataSealKey(),
    defer,
    onAccepted: async (stored) => {
      await announceShare(liveBus(), (phone) => void callTracker().pollNow(phone), stored);
      // Housekeeping rides on new shares: tokens are only worth keeping while they can be used.
      await forgetSpentTokens(db);
    },
  };
}
