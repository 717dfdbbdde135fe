"use client";

import type { CallSummary } from "@/lib/calls/types";
import type { CallerView } from "@/lib/map/features";
import { formatClock } from "./format";

/**
 * Says where the caller's position comes from when it is not LEI's: the incident location RapidSOS
 * Portal sent with the share, shown until LEI answers for the caller.
 */
export function ShareLocationNote({ call, view }: { call: CallSummary; view: CallerView | null }) {
  if (view?.origin !== "share" || !call.share) return null;
  return (
    <p role="note" className="rounded border border-accent/50 px-2 py-1 text-sm text-fg" data-testid="caller-location-origin" data-origin="share">
      Location at the time of sharing ({formatClock(call.share.receivedAt)}), sent by RapidSOS Portal with the share.{" "}
      {call.status === "ended"
        ? "RapidSOS LEI sent no location before the call ended."
        : "Waiting for RapidSOS LEI's first location."}
    </p>
  );
}

/** When there is no position at all: still waiting, or the call ended without one. */
export function noLocationText(call: CallSummary): string {
  if (call.status === "ended") {
    return `Call ended${call.endedAt ? ` at ${formatClock(call.endedAt)}` : ""} without a location from RapidSOS.`;
  }
  return "RapidSOS has sent no location for this call yet.";
}

/** The short form for a list row. */
export function noLocationShort(call: CallSummary): string {
  return call.status === "ended" ? "ended, no location" : "no location yet";
}
