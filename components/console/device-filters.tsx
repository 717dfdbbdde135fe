"use client";

import type { DeviceStatus } from "@/lib/axon/types";
import { DEVICE_STATUSES, useConsoleActions, useConsoleState } from "./console-state";
import { STATUS_LABEL } from "./format";
import { StatusDot } from "./status-dot";

export const DEVICE_SEARCH_ID = "device-search";

/** Status toggles (with counts) and a search over officer name, badge and serial. */
export function DeviceFilters({ counts }: { counts: Record<DeviceStatus, number> }) {
  const { shownStatuses, deviceQuery } = useConsoleState();
  const { toggleStatus, setDeviceQuery } = useConsoleActions();
  return (
    <div className="flex flex-col gap-2">
      <fieldset className="flex flex-wrap gap-1.5">
        <legend className="sr-only">Show devices by status</legend>
        {DEVICE_STATUSES.filter((s) => s !== "unknown" || counts.unknown > 0).map((s) => (
          <label
            key={s}
            className="flex cursor-pointer items-center gap-1.5 rounded border border-line px-2 py-0.5 text-xs text-fg has-checked:bg-selected has-focus-visible:ring-2 has-focus-visible:ring-focus has-[:not(:checked)]:text-muted"
          >
            <input type="checkbox" className="sr-only" checked={shownStatuses[s]} onChange={() => toggleStatus(s)} />
            <StatusDot status={s} freshness="live" />
            {STATUS_LABEL[s]}
            <span className="tabular-nums text-muted">{counts[s]}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={DEVICE_SEARCH_ID} className="sr-only">
        Search devices by officer name, badge or serial
      </label>
      <input
        id={DEVICE_SEARCH_ID}
        type="search"
        value={deviceQuery}
        onChange={(e) => setDeviceQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape" && deviceQuery !== "") {
            e.stopPropagation();
            setDeviceQuery("");
          }
        }}
        placeholder="Officer, badge or serial"
        className="rounded border border-line bg-sunken px-2.5 py-1 text-sm text-fg placeholder:text-muted/70 focus:border-accent focus:ring-1 focus:ring-accent focus:outline-none"
      />
    </div>
  );
}
