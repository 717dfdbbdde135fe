/** This process's device feed and the poller that keeps it (and, when it leads, the cluster's) current. */
import "server-only";
import { listDevices } from "@/lib/axon/client";
import { getConfig } from "@/lib/config/env";
import { getDatabase } from "@/lib/db/client";
import { recordDeviceTrails } from "@/lib/history/device-positions";
import { singleton } from "@/lib/server/singleton";
import { liveBus } from "./bus";
import { DeviceFeed } from "./device-feed";
import { DevicePoller } from "./device-poller";

export function deviceFeed(): DeviceFeed {
  return singleton("device-feed", () => new DeviceFeed());
}

export function devicePoller(): DevicePoller {
  return singleton(
    "device-poller",
    () =>
      new DevicePoller({
        database: getDatabase,
        listDevices: () => listDevices(),
        feed: deviceFeed(),
        bus: liveBus(),
        recordTrails: (response) => recordDeviceTrails(response.devices),
        intervalMs: getConfig().axon.pollIntervalMs,
        now: Date.now,
      }),
  );
}
