"use client";

import type { CallSummary } from "@/lib/calls/types";
import { formatPhone } from "@/lib/phone/format";
import type { Announcement } from "./newly-shared";
import { OutsideJurisdictionFlag } from "./outside-jurisdiction-flag";

export const JUMP_KEY = "g";

interface ShareToastsProps {
  toasts: readonly Announcement[];
  calls: readonly CallSummary[];
  onOpen: (callId: string) => void;
  onDismiss: (callId: string) => void;
}

const button =
  "rounded border border-line px-2 py-0.5 text-xs font-medium text-fg hover:bg-hover focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none";

/**
 * New shared calls, newest on top, over the map under its toolbar. Each is an alert (a 911 call handed to
 * the whole center is worth interrupting a screen reader for) and stays until dismissed, opened, or
 * its time is up; the jump key opens the newest.
 */
export function ShareToasts({ toasts, calls, onOpen, onDismiss }: ShareToastsProps) {
  if (toasts.length === 0) return null;
  const byId = new Map(calls.map((c) => [c.id, c]));
  return (
    <section
      aria-label="New shared calls"
      className="pointer-events-none absolute top-14 left-1/2 z-20 flex w-[min(30rem,calc(100%-6rem))] -translate-x-1/2 flex-col gap-2"
    >
      {[...toasts].reverse().map((t, i) => {
        const call = byId.get(t.callId);
        return (
          <div
            key={t.callId}
            role="alert"
            data-call-id={t.callId}
            data-via={t.via}
            className={`pointer-events-auto rounded-md border-l-4 border-accent bg-raised px-3 py-2 text-fg shadow-lg ring-1 ring-line ${i > 0 ? "opacity-90" : ""}`}
          >
            <div className="flex items-start justify-between gap-3">
              <p className="text-sm">
                Shared from RapidSOS Portal: <span className="font-mono font-semibold">{formatPhone(t.phone)}</span>
                {i === 0 ? (
                  <span className="whitespace-nowrap">
                    {" "}
                    — press <kbd className="rounded border border-line px-1 font-mono text-xs">{JUMP_KEY.toUpperCase()}</kbd> to open
                  </span>
                ) : null}
              </p>
              <button type="button" onClick={() => onDismiss(t.callId)} aria-label={`Dismiss the announcement for ${formatPhone(t.phone)}`} className={`${button} shrink-0 border-transparent`}>
                ✕
              </button>
            </div>
            <div className="mt-1.5 flex items-center gap-2">
              <button type="button" onClick={() => onOpen(t.callId)} disabled={!call} className={`${button} disabled:opacity-50`}>
                Open call
              </button>
              {call?.share?.outsideJurisdiction ? <OutsideJurisdictionFlag /> : null}
              {!call ? <span className="text-xs text-muted">loading…</span> : null}
            </div>
          </div>
        );
      })}
    </section>
  );
}
