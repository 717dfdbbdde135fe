"use client";

import { useMemo } from "react";
import type { DeviceStatus } from "@/lib/axon/types";
import type { DeviceView } from "@/lib/map/features";

/** Officer name, badge or serial, case- and punctuation-insensitive ("x6 0012" finds X60012). */
export function matchesDeviceQuery(view: DeviceView, query: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const q = norm(query);
  if (q === "") return true;
  const d = view.device;
  const fields = [d.serial, d.officer?.name, d.officer?.badge, d.officer?.firstName, d.officer?.lastName];
  return fields.some((f) => f !== undefined && norm(f).includes(q));
}

/** What the device list shows and the map draws: the same filter for both, so the list mirrors the map. */
export function useDeviceFilter(
  views: readonly DeviceView[],
  shown: Record<DeviceStatus, boolean>,
  query: string,
): DeviceView[] {
  return useMemo(
    () => views.filter((v) => shown[v.device.status] && matchesDeviceQuery(v, query)),
    [views, shown, query],
  );
}
