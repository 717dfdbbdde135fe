"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "@/lib/browser/api-client";
import { alertKeys, chatOnAlert } from "@/lib/browser/alerts-queries";
import type { TimelineEntry } from "@/lib/alerts/types";

const KIND: Record<string, string> = {
  status: "Status",
  disposition: "Disposition",
  location: "Location",
  chat: "Chat",
  milestone: "Milestone",
  multi_trip: "Multi-trip",
  system: "System",
  action: "Console",
};

const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** Status, dispositions, locations, chat, milestones and multi-trip signals in one timeline, oldest first. */
export function AlertTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <ol aria-label="Alert timeline" className="flex flex-col gap-1 text-xs">
      {entries.map((e, i) => (
        <li key={i} data-kind={e.kind} className={`rounded px-1.5 py-0.5 ${e.kind === "multi_trip" ? "bg-warn-bg" : e.kind === "chat" || (e.kind === "action" && e.text.startsWith("chat ")) ? "bg-hover" : ""}`}>
          <span className="font-mono text-muted tabular-nums">{time(e.at)}</span> <span className="font-semibold">{KIND[e.kind] ?? e.kind}</span>{" "}
          <span>{e.kind === "action" && e.text.startsWith("chat ") ? e.text.slice(5) : e.text}</span>
          {e.who ? <span className="text-muted"> — {e.who}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** Chat with the central station (only when the alert has chat enabled). */
export function AlertChat({ alertId }: { alertId: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex gap-1.5"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          await chatOnAlert(alertId, text.trim());
          setText("");
        } catch (err) {
          setError(err instanceof ApiError ? err.detail : "Not sent.");
        }
        void queryClient.invalidateQueries({ queryKey: alertKeys.detail(alertId) });
      }}
    >
      <label htmlFor="alert-chat" className="sr-only">
        Message to the central station
      </label>
      <input id="alert-chat" value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} placeholder="Message the central station" className="min-w-0 flex-1 rounded border border-line bg-surface px-2 py-1 text-sm" />
      <button type="submit" disabled={text.trim() === ""} className="rounded border border-line px-2 text-sm disabled:opacity-50">
        Send
      </button>
      {error ? <p role="alert" className="text-xs text-danger">{error}</p> : null}
    </form>
  );
}
