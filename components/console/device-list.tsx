"use client";

import { useMemo, useRef } from "react";
import type { Device } from "@/lib/axon/types";
import { Listbox } from "@/components/ui/listbox";
import { formatAge } from "@/lib/time/freshness";
import type { DeviceView } from "@/lib/map/features";
import { useConsoleActions, useConsoleState } from "./console-state";
import { formatBattery, officerLabel, STATUS_LABEL } from "./format";
import { StatusDot } from "./status-dot";

const STATUS_ORDER = { recording: 0, buffering: 1, unknown: 2, docked: 3, offline: 4 } as const;
const collator = new Intl.Collator();

/** Every device the filters let through, with what the map shows for it (and "no location" when nothing). */
export function DeviceList({ views }: { views: readonly DeviceView[] }) {
  const { selectedDeviceId } = useConsoleState();
  const { selectDevice, clear } = useConsoleActions();
  const order = useRef<{ devices: readonly Device[]; order: number[] } | null>(null);
  const sorted = useMemo(() => {
    // The order depends on the devices alone, which change with a poll; the views change every
    // second with their ages. Sort again only when a device changed (5,000 rows: a few ms each time).
    const devices = views.map((v) => v.device);
    const last = order.current;
    if (!last || last.devices.length !== devices.length || last.devices.some((d, i) => d !== devices[i])) {
      const keyed = devices.map((d, i) => ({ i, rank: STATUS_ORDER[d.status], label: officerLabel(d.officer, d.serial, d.officerHidden) }));
      keyed.sort((a, b) => a.rank - b.rank || collator.compare(a.label, b.label));
      order.current = { devices, order: keyed.map((k) => k.i) };
    }
    return (order.current as { order: number[] }).order.map((i) => views[i] as DeviceView);
  }, [views]);

  return (
    <Listbox
      label="Devices"
      items={sorted}
      getKey={(v) => v.device.id}
      selectedKey={selectedDeviceId}
      onSelect={(v) => selectDevice(v.device.id, { frame: v.device.location !== null })}
      onClear={clear}
      empty="No device matches."
      itemData={(v) => ({
        "data-device-id": v.device.id,
        "data-serial": v.device.serial,
        "data-status": v.device.status,
        "data-freshness": v.freshness,
        "data-lat": v.device.location?.latitude,
        "data-lng": v.device.location?.longitude,
        "data-accuracy-m": v.device.location?.accuracyM ?? undefined,
      })}
      renderItem={(v) => {
        const d = v.device;
        return (
          <div className="flex items-center gap-2">
            <StatusDot status={d.status} freshness={v.freshness} />
            <div className="min-w-0 flex-1">
              <div className="truncate text-sm text-fg">{officerLabel(d.officer, d.serial, d.officerHidden)}</div>
              <div className="flex gap-1.5 text-xs text-muted">
                <span>{STATUS_LABEL[d.status]}</span>
                <span aria-hidden="true">·</span>
                <span className="tabular-nums">{formatBattery(d.batteryPct)}</span>
                <span aria-hidden="true">·</span>
                <span className="font-mono">{d.serial}</span>
              </div>
            </div>
            <div className="shrink-0 text-right text-xs tabular-nums">
              {d.location ? (
                <span className={v.freshness === "stale" ? "text-warn" : "text-muted"}>
                  {v.freshness === "stale" ? "stale " : ""}
                  {formatAge(v.ageMs)}
                </span>
              ) : (
                <span className="text-muted">no location</span>
              )}
            </div>
          </div>
        );
      }}
    />
  );
}
