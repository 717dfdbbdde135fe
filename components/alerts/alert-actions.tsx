"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "@/lib/browser/api-client";
import { alertKeys, decideAlert, setAlertDisposition } from "@/lib/browser/alerts-queries";
import { ECC_DISPOSITIONS, type Alert, type AlertSummary, type EccDisposition } from "@/lib/alerts/types";

const button =
  "rounded border px-3 py-1 text-sm font-semibold focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none disabled:opacity-50";

const LABEL: Record<EccDisposition, string> = {
  DISPATCHED: "Dispatched",
  ENROUTE: "En route",
  ON_SCENE: "On scene",
  PREEMPTED: "Preempted",
  CLEARED_NO_REPORT: "Cleared, no report",
  CLEARED_WITH_REPORT: "Cleared with report",
  CLOSED: "Closed",
};

/**
 * Accept, decline (with a reason, at most 100 characters as RapidSOS takes), then dispositions.
 * Every action goes to RapidSOS through our server; a refusal (another console was first, the SLA
 * ran out) is shown as the server words it, with who acted.
 */
export function AlertActions({ alert, decidedBy }: { alert: Alert; decidedBy: AlertSummary["decidedBy"] }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setDeclining(false);
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : "The request failed. Try again.");
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: alertKeys.list });
      void queryClient.invalidateQueries({ queryKey: alertKeys.detail(alert.id) });
    }
  }

  const waiting = alert.status.name === "DISPATCH_REQUESTED" || alert.status.name === "NEW";
  const accepted = alert.status.name === "ACCEPTED";
  return (
    <div className="flex flex-col gap-2" aria-label="Alert actions" role="group">
      {decidedBy ? (
        <p className="text-xs" data-testid="alert-decided-by">
          {decidedBy.action === "accepted" ? "Accepted" : "Declined"} by <b>{decidedBy.email}</b> at {new Date(decidedBy.at).toISOString().slice(11, 19)} UTC
        </p>
      ) : null}
      {waiting ? (
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={busy} onClick={() => void run(() => decideAlert(alert.id, { action: "accept" }))} className={`${button} border-ok bg-ok text-white`}>
            Accept
          </button>
          <button type="button" disabled={busy} onClick={() => setDeclining((d) => !d)} aria-expanded={declining} className={`${button} border-danger text-danger`}>
            Decline…
          </button>
        </div>
      ) : null}
      {waiting && declining ? (
        <form
          className="flex flex-col gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => decideAlert(alert.id, { action: "decline", reason: reason.trim() }));
          }}
        >
          <label className="text-xs text-muted" htmlFor="decline-reason">
            Reason sent to the central station (required, ≤ 100 characters)
          </label>
          <input id="decline-reason" value={reason} maxLength={100} required onChange={(e) => setReason(e.target.value)} className="rounded border border-line bg-surface px-2 py-1 text-sm" />
          <button type="submit" disabled={busy || reason.trim() === ""} className={`${button} self-start border-danger bg-danger text-white`}>
            Send decline
          </button>
        </form>
      ) : null}
      {accepted && alert.disposition?.name !== "CLOSED" ? (
        <div className="flex flex-wrap gap-1.5" role="group" aria-label="Disposition">
          {ECC_DISPOSITIONS.map((d) => (
            <button
              key={d}
              type="button"
              disabled={busy || alert.disposition?.name === d}
              aria-pressed={alert.disposition?.name === d}
              onClick={() => void run(() => setAlertDisposition(alert.id, d))}
              className={`${button} border-line px-2 text-xs font-medium aria-pressed:bg-accent aria-pressed:text-white`}
            >
              {LABEL[d]}
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded border border-danger bg-danger-bg px-2 py-1 text-xs text-danger" data-testid="alert-action-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
