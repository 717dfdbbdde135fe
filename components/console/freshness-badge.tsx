import type { Freshness } from "@/lib/time/freshness";

const STYLE: Record<Freshness, string> = {
  live: "border-ok/50 text-ok",
  stale: "border-warn/60 bg-warn-bg text-warn",
  inactive: "border-line text-muted",
};

/** Live / stale / ended-or-docked, in words as well as colour, with the age beside it. */
export function FreshnessBadge({ freshness, age, inactiveLabel }: { freshness: Freshness; age: string; inactiveLabel: string }) {
  const word = freshness === "live" ? "Live" : freshness === "stale" ? "Stale" : inactiveLabel;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-px text-[11px] font-semibold tracking-wide uppercase tabular-nums ${STYLE[freshness]}`}
      data-freshness={freshness}
    >
      {word}
      <span className="font-normal normal-case">{age}</span>
    </span>
  );
}
