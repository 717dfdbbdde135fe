import type { ReactNode } from "react";

/** A titled block in a side panel; `stale` marks data held through an upstream failure. */
export function PanelSection({
  title,
  count,
  stale = false,
  className = "",
  children,
  headingId,
}: {
  title: string;
  count?: number;
  stale?: boolean;
  className?: string;
  children: ReactNode;
  headingId: string;
}) {
  return (
    <section aria-labelledby={headingId} data-stale={stale || undefined} className={`flex min-h-0 flex-col ${className}`}>
      <h2 id={headingId} className="flex items-center gap-2 px-3 pt-3 pb-1.5 text-xs font-semibold tracking-wider text-muted uppercase">
        {title}
        {count !== undefined ? <span className="rounded bg-hover px-1.5 text-[11px] text-fg tabular-nums">{count}</span> : null}
        {stale ? <span className="rounded border border-warn/60 bg-warn-bg px-1.5 text-[10px] text-warn">stale</span> : null}
      </h2>
      {children}
    </section>
  );
}
