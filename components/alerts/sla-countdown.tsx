import type { AlertSummary } from "@/lib/alerts/types";

/** Below this much time left the countdown turns urgent. */
export const URGENT_MS = 15_000;

export function slaState(a: Pick<AlertSummary, "status" | "slaExpirationTime">, now: number): { text: string; tone: "ok" | "urgent" | "over" | "none"; remainingMs: number | null } {
  const waiting = a.status.name === "DISPATCH_REQUESTED" || a.status.name === "NEW";
  if (!waiting || a.slaExpirationTime === null || now === 0) return { text: "", tone: "none", remainingMs: null };
  const left = a.slaExpirationTime - now;
  if (left <= 0) return { text: "SLA passed", tone: "over", remainingMs: 0 };
  const s = Math.ceil(left / 1000);
  return { text: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`, tone: left <= URGENT_MS ? "urgent" : "ok", remainingMs: left };
}

const TONE = {
  ok: "border-line text-fg",
  urgent: "animate-pulse border-danger bg-danger-bg font-bold text-danger",
  over: "border-danger text-danger",
  none: "",
} as const;

/** Time left to accept or decline before RapidSOS times the alert out. */
export function SlaCountdown({ alert, now }: { alert: Pick<AlertSummary, "status" | "slaExpirationTime">; now: number }) {
  const s = slaState(alert, now);
  if (s.tone === "none") return null;
  return (
    // A timer (not a live region: screen readers read it when asked, not every second).
    <span role="timer" data-sla={s.tone} data-sla-remaining-ms={s.remainingMs ?? undefined} aria-label={`Time left to answer: ${s.text}`} className={`rounded border px-1.5 font-mono text-xs tabular-nums ${TONE[s.tone]}`}>
      {s.tone === "over" ? s.text : `SLA ${s.text}`}
    </span>
  );
}
