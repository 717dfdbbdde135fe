"use client";

import { Listbox } from "@/components/ui/listbox";
import { formatAge } from "@/lib/time/freshness";
import { formatBearing, formatDistance, type Ranked } from "@/lib/geo/nearest";
import type { DeviceView } from "@/lib/map/features";
import { useConsoleActions, useConsoleState } from "./console-state";
import { formatBattery, officerLabel, STATUS_LABEL } from "./format";
import { SignalBars } from "./signal-bars";
import { StatusDot } from "./status-dot";

/** How many of the nearest to list: enough to pick a backup, few enough to read at a glance. */
export const NEAREST_SHOWN = 10;

/** Officers (by their cameras) nearest the selected caller, ranked by distance; Enter shows one on the map. */
export function NearestOfficers({ ranked, hasCaller }: { ranked: readonly Ranked<DeviceView>[]; hasCaller: boolean }) {
  const { selectedDeviceId } = useConsoleState();
  const { selectDevice, clear } = useConsoleActions();
  const items = ranked.slice(0, NEAREST_SHOWN);

  return (
    <Listbox
      label="Nearest officers"
      items={items}
      getKey={(r) => r.item.device.id}
      selectedKey={selectedDeviceId}
      onSelect={(r) => selectDevice(r.item.device.id, { frame: true })}
      onClear={clear}
      empty={hasCaller ? "No device has a location." : "Select a caller to rank officers by distance."}
      itemData={(r) => ({
        "data-device-id": r.item.device.id,
        "data-status": r.item.device.status,
        "data-freshness": r.item.freshness,
        "data-distance-m": Math.round(r.distanceM),
        "data-bearing-deg": Math.round(r.bearingDeg),
      })}
      renderItem={(r, { selected }) => {
        const d = r.item.device;
        return (
          <div className="grid grid-cols-[1.5rem_1fr_auto] items-center gap-x-2">
            <span className="text-right text-xs text-muted tabular-nums">{items.indexOf(r) + 1}</span>
            <span className={`truncate text-sm ${selected ? "font-semibold" : ""} text-fg`}>{officerLabel(d.officer, d.serial, d.officerHidden)}</span>
            <span className="text-right text-sm font-semibold text-fg tabular-nums">{formatDistance(r.distanceM)}</span>
            <span />
            <span className="flex min-w-0 items-center gap-1.5 text-xs text-muted">
              <StatusDot status={d.status} freshness={r.item.freshness} />
              <span>{STATUS_LABEL[d.status]}</span>
              <span aria-hidden="true">·</span>
              <span className="tabular-nums">{formatBattery(d.batteryPct)}</span>
              <span aria-hidden="true">·</span>
              <SignalBars signal={d.signal} />
              <span aria-hidden="true">·</span>
              <span className={`whitespace-nowrap tabular-nums ${r.item.freshness === "stale" ? "text-warn" : ""}`}>
                {r.item.freshness === "stale" ? "stale " : ""}
                {formatAge(r.item.ageMs)}
              </span>
            </span>
            <span className="text-right text-xs whitespace-nowrap text-muted tabular-nums">{formatBearing(r.bearingDeg)}</span>
          </div>
        );
      }}
    />
  );
}
