import Link from "next/link";
import type { CallSummary } from "@/lib/calls/types";
import { formatPhone } from "@/lib/phone/format";
import { formatUtc } from "@/lib/review/format";

const button =
  "rounded-md border border-line bg-raised px-3 py-1.5 text-sm text-fg hover:bg-hover focus:outline-none focus-visible:ring-2 focus-visible:ring-focus";

function Badge({ tone, children }: { tone: "ok" | "muted" | "accent" | "warn"; children: string }) {
  const cls = {
    ok: "border-ok/50 text-ok",
    muted: "border-line text-muted",
    accent: "border-accent/60 text-accent",
    warn: "border-warn/60 bg-warn-bg text-warn",
  }[tone];
  return <span className={`rounded border px-1.5 py-px text-[11px] font-semibold tracking-wide uppercase ${cls}`}>{children}</span>;
}

/** Who called, when, how it ended, and the exports. */
export function CallHeader({ call, count }: { call: CallSummary; count: number }) {
  const exportUrl = (format: "csv" | "geojson") => `/api/review/calls/${call.id}/export?format=${format}`;
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="flex flex-col gap-1">
        <Link href="/review" className="text-sm text-accent underline-offset-2 hover:underline">
          ← All calls
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-semibold text-fg">{formatPhone(call.phone)}</h1>
          <Badge tone={call.status === "active" ? "ok" : "muted"}>{call.status === "active" ? "Active" : "Ended"}</Badge>
          {call.shared ? <Badge tone="accent">Data Share</Badge> : null}
          {call.share?.outsideJurisdiction ? <Badge tone="warn">Outside jurisdiction</Badge> : null}
        </div>
        <p className="text-sm text-muted">
          {call.callerName ?? "Caller name not sent"} · call start{" "}
          <span className="font-mono text-fg">{call.callStartTime ? `${formatUtc(call.callStartTime)} UTC` : "unknown"}</span>
          {call.endedAt ? (
            <>
              {" "}· ended <span className="font-mono text-fg">{formatUtc(call.endedAt)} UTC</span>
            </>
          ) : null}{" "}
          · {count} stored location{count === 1 ? "" : "s"}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <a href={exportUrl("csv")} download className={button}>
          Export CSV
        </a>
        <a href={exportUrl("geojson")} download className={button}>
          Export GeoJSON
        </a>
      </div>
    </div>
  );
}
