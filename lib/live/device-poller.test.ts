import { describe, expect, it } from "vitest";
import type { Device, DevicesResponse } from "@/lib/axon/types";
import type { Database } from "@/lib/db/client";
import { bodyCamera } from "@/testing/fixtures";
import { DeviceFeed } from "./device-feed";
import { DevicePoller } from "./device-poller";

const answer = (devices: Device[]): DevicesResponse => ({ agency: "Sandbox PD", devices, dropped: 0, serverTime: 1 });

/** A poller on one embedded database (it always leads), whose Axon answers only when told to. */
function pollerWithPendingAnswers() {
  const pending: ((r: DevicesResponse) => void)[] = [];
  const feed = new DeviceFeed();
  const poller = new DevicePoller({
    database: async () => ({ kind: "pglite", tryLead: async () => true }) as unknown as Database,
    listDevices: () => new Promise<DevicesResponse>((resolve) => pending.push(resolve)),
    feed,
    bus: { publish: async () => true, subscribe: () => () => undefined },
    recordTrails: async () => undefined,
    intervalMs: 60_000,
    now: Date.now,
  });
  const asked = async (n: number) => {
    await expect.poll(() => pending.length).toBe(n);
  };
  return { poller, feed, pending, asked };
}

describe("the device poller", () => {
  it("asks Axon again after a poll in flight when told to refresh (a sandbox reset): the new world wins", async () => {
    const { poller, feed, pending, asked } = pollerWithPendingAnswers();
    poller.start();
    await asked(1); // start-up's first poll, in flight: its answer is the old world
    const refreshed = poller.refresh();
    pending[0]!(answer([bodyCamera("old-world")]));
    await asked(2); // a second poll after the first one ended, not merged into it
    pending[1]!(answer([bodyCamera("new-world")]));
    await refreshed;
    expect(feed.snapshot(0).devices.map((d) => d.id)).toEqual(["new-world"]);
    poller.stop();
  });

  it("does not poll when stopped", async () => {
    const { poller, pending } = pollerWithPendingAnswers();
    await poller.refresh();
    expect(pending).toHaveLength(0);
  });
});
