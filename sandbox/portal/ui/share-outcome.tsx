"use client";

import type { ReactNode } from "react";
import { formatPhone } from "@/lib/phone/format";
import type { ShareOutcome } from "./use-portal";

/** What happened to the last share: the handler's response code, as a partner debugging it needs. */
export function ShareOutcomeNotice({ outcome, sending }: { outcome: ShareOutcome | null; sending: boolean }) {
  let tone = "border-slate-300 bg-white text-slate-700";
  let text: ReactNode = "No call shared yet.";
  if (sending) {
    text = "Sharing…";
  } else if (outcome?.kind === "failed") {
    tone = "border-red-300 bg-red-50 text-red-900";
    text = `Could not share ${formatPhone(outcome.phone)}: ${outcome.message}`;
  } else if (outcome?.kind === "sent") {
    const attempt = outcome.result.attempts[outcome.result.attempts.length - 1];
    const status = attempt?.status ?? null;
    tone = status === 200 ? "border-green-300 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-950";
    text = (
      <>
        <span className="font-semibold">
          {status === null ? "No response" : `Response ${status}`}
        </span>{" "}
        from the handler for {formatPhone(outcome.result.phone)}
        {attempt ? ` (${attempt.ms} ms)` : ""}.
        {attempt && status !== 200 && <span className="mt-1 block font-mono text-xs break-all">{attempt.response}</span>}
      </>
    );
  }
  return (
    <div role="status" aria-live="polite" className={`rounded-lg border px-4 py-3 text-sm ${tone}`}>
      {text}
    </div>
  );
}
