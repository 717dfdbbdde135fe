"use client";

import type { DeviceStatus } from "@/lib/axon/types";
import type { Freshness } from "@/lib/time/freshness";
import { useTheme } from "./theme";

/** The same colour the map uses for this status, faded the same way when stale. */
export function StatusDot({ status, freshness }: { status: DeviceStatus; freshness: Freshness }) {
  const o = useTheme().tokens.overlay;
  const color = status === "recording" ? o.recording : status === "buffering" ? o.buffering : o.offline;
  return (
    <span
      aria-hidden="true"
      className="inline-block size-2.5 shrink-0 rounded-full ring-1 ring-black/40"
      style={{ backgroundColor: color, opacity: freshness === "live" ? 1 : o.staleOpacity }}
    />
  );
}
