"use client";

import { Listbox } from "@/components/ui/listbox";
import type { AlertSummary } from "@/lib/alerts/types";
import { alertSymbol } from "@/lib/map/alert-features";
import { formatAge } from "@/lib/time/freshness";
import { SlaCountdown } from "./sla-countdown";
import { ALERT_QUEUE_ID, type AlertsConsole } from "./use-alerts-console";

/** Status words for the queue: what a telecommunicator needs, not the wire name. */
export function statusWords(a: Pick<AlertSummary, "status" | "disposition">): string {
  const s = a.status.name === "DISPATCH_REQUESTED" ? "Waiting for answer" : a.status.name === "ACCEPTED" ? "Accepted" : a.status.displayName;
  return a.disposition ? `${s} · ${a.disposition.displayName}` : s;
}

/** Central-station alerts, newest first, each with type, site, address, age and its SLA countdown. */
export function AlertQueue({ console: c }: { console: AlertsConsole }) {
  return (
    <Listbox
      label="Alerts"
      id={ALERT_QUEUE_ID}
      items={c.alerts}
      getKey={(a) => a.id}
      selectedKey={c.selectedId}
      onSelect={(a) => c.select(a.id)}
      onClear={() => c.select(null)}
      empty="No central-station alerts."
      itemData={(a) => ({
        "data-alert-id": a.id,
        "data-alert-status": a.status.name,
        "data-emergency-type": a.emergencyType.name,
        "data-lat": a.location.point?.lat,
        "data-lng": a.location.point?.lon,
        "data-radius-m": a.location.radiusM ?? undefined,
        "data-basis": a.location.point ? (a.location.provided === "CIVIC" ? "address" : "fix") : "none",
      })}
      renderItem={(a) => {
        const { letter, colour } = alertSymbol(a.emergencyType.name);
        return (
          <div className="flex gap-2">
            <span aria-hidden style={{ backgroundColor: colour }} className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-[11px] font-bold text-white">
              {letter}
            </span>
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <div className="flex items-center justify-between gap-2">
                <span className="truncate text-sm font-semibold">
                  {a.emergencyType.displayName}
                  {a.siteType ? <span className="font-normal text-muted"> · {a.siteType.displayName}</span> : null}
                </span>
                <SlaCountdown alert={a} now={c.now} />
              </div>
              <span className="truncate text-xs">{a.address ?? (a.location.point ? `${a.location.point.lat.toFixed(5)}, ${a.location.point.lon.toFixed(5)}` : "No location")}</span>
              <div className="flex items-center justify-between gap-2 text-xs text-muted">
                <span className="truncate" data-testid="alert-status">
                  {statusWords(a)}
                  {a.supplementalOnly ? " · supplemental only" : ""}
                </span>
                <span className="shrink-0 tabular-nums">{c.now ? `${formatAge(Math.max(0, c.now - a.createdTime))} ago` : ""}</span>
              </div>
            </div>
          </div>
        );
      }}
    />
  );
}
