"use client";

import { officerLabel, STATUS_LABEL } from "@/components/console/format";
import { StatusDot } from "@/components/console/status-dot";
import { deviceFreshness, formatAge } from "@/lib/time/freshness";
import { formatBearing, formatDistance } from "@/lib/geo/nearest";
import { deviceStatus } from "@/lib/review/features";
import { formatUtcClock } from "@/lib/review/format";
import type { NearestDevicesResponse } from "@/lib/review/types";
import { Panel } from "./panel";


/** The cameras nearest the selected location at its time, from stored positions, nearest first. */
export function NearestAtTime({
  at,
  data,
  loading,
  error,
}: {
  at: number | null;
  data: NearestDevicesResponse | undefined;
  loading: boolean;
  error: string | null;
}) {
  const stale = data && at !== null && data.at !== at;
  return (
    <Panel
      title={at === null ? "Nearest cameras" : `Nearest cameras at ${formatUtcClock(at)} UTC`}
      headingId="nearest-at-time-title"
      aside={loading || stale ? <span className="font-normal tracking-normal normal-case">loading…</span> : null}
    >
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : !data ? (
        <p className="text-sm text-muted">Loading stored camera positions…</p>
      ) : data.devices.length === 0 ? (
        <p className="text-sm text-muted">No camera position was stored in the {Math.round(data.maxAgeMs / 60_000)} minutes before this moment.</p>
      ) : (
        <ol aria-label="Nearest cameras at that time" className="flex flex-col divide-y divide-line/60" data-at={data.at}>
          {data.devices.map((d, i) => {
            const status = deviceStatus(d.status);
            const freshness = deviceFreshness(status, d.at, data.at);
            return (
              <li key={d.deviceId} className="grid grid-cols-[1.25rem_1fr_auto] items-center gap-x-2 py-1.5" data-device-id={d.deviceId} data-distance-m={Math.round(d.distanceM)}>
                <span className="text-right text-xs text-muted tabular-nums">{i + 1}</span>
                <span className="truncate text-sm text-fg">
                  {d.officerName && d.badge ? officerLabel({ name: d.officerName, badge: d.badge }, d.serial) : (d.officerName ?? `Unassigned ${d.serial}`)}
                </span>
                <span className="text-right text-sm font-semibold text-fg tabular-nums">{formatDistance(d.distanceM)}</span>
                <span />
                <span className="flex min-w-0 items-center gap-1.5 text-xs text-muted">
                  <StatusDot status={status} freshness={freshness} />
                  <span>{STATUS_LABEL[status]}</span>
                  <span aria-hidden="true">·</span>
                  <span className={`tabular-nums ${freshness === "stale" ? "text-warn" : ""}`}>position {formatAge(d.ageMs)} old</span>
                </span>
                <span className="text-right text-xs whitespace-nowrap text-muted tabular-nums">{formatBearing(d.bearingDeg)}</span>
              </li>
            );
          })}
        </ol>
      )}
      <p className="mt-2 text-xs text-muted">Each camera&apos;s last stored position at or before that moment; bearing from the caller.</p>
    </Panel>
  );
}
