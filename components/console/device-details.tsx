"use client";

import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { accuracyLabel } from "@/lib/geo/confidence";
import { formatAge } from "@/lib/time/freshness";
import type { DeviceView } from "@/lib/map/features";
import { useConsoleActions } from "./console-state";
import { formatBattery, formatClock, formatCoordinates, formatSignal, STATUS_LABEL } from "./format";
import { FreshnessBadge } from "./freshness-badge";
import { StatusDot } from "./status-dot";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6rem_1fr] gap-2 py-0.5">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="min-w-0 text-sm text-fg">{children}</dd>
    </div>
  );
}

/** One body camera and its officer; Esc or the close button deselects it. */
export function DeviceDetails({ view }: { view: DeviceView }) {
  const { selectDevice } = useConsoleActions();
  const d = view.device;
  const loc = d.location;
  return (
    <section aria-labelledby="device-details-title" data-device-id={d.id} className="flex flex-col gap-1">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="device-details-title" className="truncate text-base font-semibold text-fg">
            {d.officer ? d.officer.name : d.officerHidden ? "Officer not visible" : "Unassigned device"}
          </h2>
          {d.officerHidden ? (
            <p className="text-sm text-warn" data-testid="device-officer-hidden">
              The officer is not visible with this API client&apos;s permissions (Axon Users read).
            </p>
          ) : (
            <p className="text-sm text-muted">
              {d.officer ? `Badge ${d.officer.badge} · User ID ${d.officer.userId}` : "No officer assigned"}
            </p>
          )}
        </div>
        <button
          type="button"
          onClick={() => selectDevice(null)}
          aria-label="Close device details"
          className="rounded px-1.5 text-lg leading-none text-muted hover:bg-hover hover:text-fg focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none"
        >
          ×
        </button>
      </div>
      <dl>
        <Row term="Status">
          <span className="flex items-center gap-1.5" data-testid="device-status">
            <StatusDot status={d.status} freshness={view.freshness} />
            {STATUS_LABEL[d.status]}
            {d.status === "unknown" ? <span className="text-muted">({d.rawStatus})</span> : null}
            <FreshnessBadge freshness={view.freshness} age={formatAge(view.ageMs)} inactiveLabel={STATUS_LABEL[d.status]} />
          </span>
        </Row>
        <Row term="Agency">{d.agency}</Row>
        {(d.assignees ?? []).length > 1 ? (
          <Row term="Assignees">
            <ul data-testid="device-assignees">
              {d.assignees.map((a) => (
                <li key={a.userId} data-user-id={a.userId} data-primary={String(a.primary)}>
                  {a.name} <span className="text-muted">· Badge {a.badge} · User ID {a.userId}{a.primary ? " · primary" : ""}</span>
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        <Row term="Model">
          <span title={d.model}>{d.modelName ?? d.model}</span>
        </Row>
        <Row term="Serial">
          <span className="font-mono">{d.serial}</span>
        </Row>
        <Row term="Battery">{formatBattery(d.batteryPct)}</Row>
        <Row term="Signal">{formatSignal(d.signal)}</Row>
        {loc ? (
          <>
            <Row term="Location">
              <span className="flex items-center gap-2">
                <span className="font-mono text-[13px] select-all">{formatCoordinates(loc.latitude, loc.longitude)}</span>
                <CopyButton text={formatCoordinates(loc.latitude, loc.longitude)} label="Copy device coordinates" />
              </span>
            </Row>
            <Row term="Accuracy">{accuracyLabel(loc.accuracyM)}</Row>
            <Row term="Position at">
              {formatClock(loc.at)} <span className="text-muted">({formatAge(view.ageMs)} ago)</span>
            </Row>
          </>
        ) : (
          <Row term="Location">
            <span className="text-muted">no location reported</span>
          </Row>
        )}
      </dl>
    </section>
  );
}
