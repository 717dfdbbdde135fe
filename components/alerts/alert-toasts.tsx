"use client";

import type { AlertSummary } from "@/lib/alerts/types";
import type { AlertToast } from "./use-alerts-console";

export const ALERT_JUMP_KEY = "a";

const button =
  "rounded border border-line px-2 py-0.5 text-xs font-medium text-fg hover:bg-hover focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none";

/** New central-station alerts over the map; the newest on top can be opened with the jump key. */
export function AlertToasts({ toasts, alerts, onOpen, onDismiss }: { toasts: readonly AlertToast[]; alerts: readonly AlertSummary[]; onOpen: (id: string) => void; onDismiss: (id: string) => void }) {
  if (toasts.length === 0) return null;
  const byId = new Map(alerts.map((a) => [a.id, a]));
  return (
    <section aria-label="New alerts" className="pointer-events-none absolute top-14 right-3 z-20 flex w-[min(24rem,calc(100%-6rem))] flex-col gap-2">
      {[...toasts].reverse().map((t, i) => {
        const a = byId.get(t.id);
        if (!a) return null;
        return (
          <div key={t.id} role="alert" data-alert-id={t.id} className="pointer-events-auto rounded-md border-l-4 border-danger bg-raised px-3 py-2 text-fg shadow-lg ring-1 ring-line">
            <div className="flex items-start justify-between gap-3">
              <p className="text-sm">
                New alert: <b>{a.emergencyType.displayName}</b> {a.address ? `— ${a.address}` : ""}
                {i === 0 ? (
                  <span className="whitespace-nowrap">
                    {" "}
                    — press <kbd className="rounded border border-line px-1 font-mono text-xs">{ALERT_JUMP_KEY.toUpperCase()}</kbd>
                  </span>
                ) : null}
              </p>
              <button type="button" onClick={() => onDismiss(t.id)} aria-label="Dismiss this alert announcement" className={`${button} shrink-0 border-transparent`}>
                ✕
              </button>
            </div>
            <button type="button" onClick={() => onOpen(t.id)} className={`${button} mt-1.5`}>
              Open alert
            </button>
          </div>
        );
      })}
    </section>
  );
}
