"use client";

import { Listbox } from "@/components/ui/listbox";
import type { CallSummary } from "@/lib/calls/types";
import { formatAge } from "@/lib/time/freshness";
import { mapCircleLabel, type CallerView } from "@/lib/map/features";
import { formatPhone } from "@/lib/phone/format";
import { useConsoleActions, useConsoleState } from "./console-state";
import { FreshnessBadge } from "./freshness-badge";
import { noLocationShort } from "./location-origin";
import { OutsideJurisdictionFlag } from "./outside-jurisdiction-flag";

export const CALL_LIST_ID = "call-list";

interface Row {
  call: CallSummary;
  view: CallerView | null;
}

/** Mine first, then the center's shared calls; active before ended; newest call first. */
function ordered(calls: readonly CallSummary[], views: readonly CallerView[]): Row[] {
  const byId = new Map(views.map((v) => [v.call.id, v]));
  const rank = (c: CallSummary) => (c.openedByMe ? 0 : 2) + (c.status === "active" ? 0 : 1);
  return [...calls]
    .sort((a, b) => rank(a) - rank(b) || (b.callStartTime ?? b.firstSeenAt) - (a.callStartTime ?? a.firstSeenAt))
    .map((call) => ({ call, view: byId.get(call.id) ?? null }));
}

/**
 * The calls this console is working: each row also mirrors what the map draws for it (id, status,
 * coordinates, displayed radius and confidence) as data attributes and text.
 */
export function CallList({ calls, views }: { calls: readonly CallSummary[]; views: readonly CallerView[] }) {
  const { selectedCallId } = useConsoleState();
  const { selectCall, clear } = useConsoleActions();
  const rows = ordered(calls, views);

  return (
    <Listbox
      label="Calls"
      id={CALL_LIST_ID}
      items={rows}
      getKey={(r) => r.call.id}
      selectedKey={selectedCallId}
      onSelect={(r) => selectCall(r.call.id, { frame: true })}
      onClear={clear}
      empty="No calls open. Find a caller by phone number."
      itemData={({ call, view }) => ({
        "data-call-id": call.id,
        "data-phone": call.phone,
        "data-call-status": call.status,
        "data-shared": String(call.shared),
        // Absent when unknown (no box or no location), so "false" always means checked and inside.
        "data-outside-jurisdiction": call.share?.outsideJurisdiction == null ? undefined : String(call.share.outsideJurisdiction),
        "data-freshness": view?.freshness,
        "data-lat": view?.location.latitude,
        "data-lng": view?.location.longitude,
        // "share": the incident location sent with the share, shown until LEI answers.
        "data-location-origin": view?.origin,
        "data-radius-m": view && view.circle.kind !== "none" ? view.circle.radiusM : undefined,
        "data-confidence": view && view.circle.kind !== "none" ? (view.circle.confidence ?? undefined) : undefined,
        "data-circle": view?.circle.kind ?? "none",
      })}
      renderItem={({ call, view }) => (
        <div className="flex flex-col gap-0.5">
          <div className="flex items-center justify-between gap-2">
            <span className="font-mono text-[15px] font-semibold text-fg">{formatPhone(call.phone)}</span>
            {view ? (
              <FreshnessBadge
                freshness={view.freshness}
                age={formatAge(view.ageMs)}
                inactiveLabel={call.status === "ended" ? "Ended" : "Idle"}
              />
            ) : (
              <span className="text-xs text-muted">{noLocationShort(call)}</span>
            )}
          </div>
          <div className="flex items-center justify-between gap-2 text-xs text-muted">
            <span className="truncate">
              {call.callerName ?? "Name not sent"}
              {call.shared ? (
                <span title="Shared to the center from RapidSOS Portal" className="ml-1.5 rounded border border-accent/60 px-1 text-[10px] font-semibold text-accent uppercase">
                  shared
                </span>
              ) : null}
            </span>
            <span className="shrink-0 tabular-nums">
              {view?.origin === "share" ? "at time of sharing" : view ? (mapCircleLabel(view.circle) ?? "no radius") : ""}
            </span>
          </div>
          {call.share?.outsideJurisdiction ? (
            <div>
              <OutsideJurisdictionFlag />
            </div>
          ) : null}
        </div>
      )}
    />
  );
}
