/**
 * The running app's Data Share: its dependencies wired to the process configuration, database,
 * live bus and call tracker, and what happens once a share is accepted.
 */
import "server-only";
import { callTracker } from "@/lib/calls/service";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { liveBus, type LiveBus } from "@/lib/live/bus";
import type { DatashareDeps } from "./handler";
import { dataSealKey } from "./seal";
import { forgetSpentTokens, type StoredDelivery } from "./store";

/**
 * Tell every console (on every instance: the bus is NOTIFY-based) and start polling LEI now
 * rather than at the next tick. A second share of a call already shared is news for that call only.
 */
export async function announceShare(
  bus: Pick<LiveBus, "publish">,
  wake: () => void,
  stored: Extract<StoredDelivery, { status: "accepted" }>,
): Promise<void> {
  wake();
  if (stored.share === "attached") await bus.publish({ type: "call", id: stored.callId });
  else await bus.publish({ type: "shared", id: stored.callId, phone: stored.phone });
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
      await announceShare(liveBus(), () => void callTracker().wake(), stored);
      // Housekeeping rides on new shares: tokens are only worth keeping while they can be used.
      await forgetSpentTokens(db);
    },
  };
}
