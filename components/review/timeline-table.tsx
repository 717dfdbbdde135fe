"use client";

import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from "react";
import { formatCoordinates } from "@/components/console/format";
import { CopyButton } from "@/components/ui/copy-button";
import { toDisplayCircle } from "@/lib/geo/confidence";
import { formatGap, formatSent, formatUtc } from "@/lib/review/format";
import type { ReviewPoint } from "@/lib/review/types";

const PAGE = 10;
const th = "px-3 py-2 font-semibold whitespace-nowrap";

/**
 * Every stored location, oldest first. One tab stop: arrow keys, Home/End and PageUp/PageDown move
 * the selection (the map and the side panel follow it); a click selects a row too.
 */
export function TimelineTable({
  points,
  selected,
  onSelect,
  displayConfidence,
}: {
  points: readonly ReviewPoint[];
  selected: number;
  onSelect: (index: number) => void;
  displayConfidence: number;
}) {
  const baseId = useId();
  const rowId = (i: number) => `${baseId}-row-${i}`;
  const circles = useMemo(() => points.map((p) => toDisplayCircle(p.uncertainty, displayConfidence)), [points, displayConfidence]);

  // Scroll the table's own box only: scrollIntoView would also scroll the page (and jump on load).
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = scroller.current;
    const row = document.getElementById(`${baseId}-row-${selected}`);
    if (!box || !row) return;
    const header = box.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    const top = row.offsetTop - header;
    const bottom = row.offsetTop + row.offsetHeight - box.clientHeight;
    if (box.scrollTop > top) box.scrollTop = top;
    else if (box.scrollTop < bottom) box.scrollTop = bottom;
  }, [baseId, selected]);

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    const to: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowUp: selected - 1,
      PageDown: selected + PAGE,
      PageUp: selected - PAGE,
      Home: 0,
      End: points.length - 1,
    };
    const next = to[e.key];
    if (next === undefined || points.length === 0) return;
    e.preventDefault();
    onSelect(Math.max(0, Math.min(points.length - 1, next)));
  }

  if (points.length === 0) {
    return <p className="rounded-lg border border-line p-4 text-muted">No location was stored for this call.</p>;
  }
  return (
    <div ref={scroller} className="relative max-h-[30rem] overflow-auto rounded-lg border border-line bg-raised">
      <table
        role="grid"
        aria-label="Timeline"
        aria-rowcount={points.length + 1}
        tabIndex={0}
        aria-activedescendant={rowId(selected)}
        onKeyDown={onKeyDown}
        className="min-w-full text-sm outline-none focus-visible:ring-2 focus-visible:ring-focus focus-visible:ring-inset"
      >
        <thead className="sticky top-0 z-10 bg-raised text-left text-xs tracking-wide text-muted uppercase shadow-[0_1px_0_var(--dm-line)]">
          <tr>
            <th scope="col" className={`${th} text-right`}>#</th>
            <th scope="col" className={th}>Time (UTC)</th>
            <th scope="col" className={th}>Gap</th>
            <th scope="col" className={th}>Coordinates</th>
            <th scope="col" className={th}>Uncertainty</th>
            <th scope="col" className={th}>Method</th>
            <th scope="col" className={th}>Address / place</th>
            <th scope="col" className={th}>Source</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line/70">
          {points.map((p, i) => {
            const circle = circles[i]!;
            const coords = formatCoordinates(p.latitude, p.longitude);
            const isSelected = i === selected;
            return (
              <tr
                key={`${p.createdTime}-${i}`}
                id={rowId(i)}
                aria-selected={isSelected}
                aria-rowindex={i + 2}
                onClick={() => onSelect(i)}
                data-index={i}
                data-lat={p.latitude}
                data-lng={p.longitude}
                data-location-time={p.locationTime}
                className={`cursor-pointer align-top ${isSelected ? "bg-selected shadow-[inset_4px_0_0_var(--dm-accent)]" : "hover:bg-hover"}`}
              >
                <td className="px-3 py-2 text-right text-xs text-muted tabular-nums">{i + 1}</td>
                <td className="px-3 py-2 font-mono text-xs whitespace-nowrap text-fg">{formatUtc(p.locationTime)}</td>
                <td className="px-3 py-2 text-xs whitespace-nowrap text-muted tabular-nums">
                  {formatGap(i === 0 ? null : p.locationTime - points[i - 1]!.locationTime)}
                </td>
                <td className="px-3 py-2">
                  <span className="flex items-center gap-2 whitespace-nowrap">
                    <span className="font-mono text-xs select-all">{coords}</span>
                    <CopyButton text={coords} label={`Copy coordinates of location ${i + 1}`} />
                  </span>
                  {p.outsideJurisdiction ? <span className="text-[11px] font-semibold text-warn">outside jurisdiction</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <span className={`font-semibold tabular-nums ${circle.kind === "none" ? "text-warn" : "text-fg"}`}>
                    {circle.kind === "none" ? "no circle" : circle.kind === "converted" ? circle.label : `${circle.label.split(" (")[0]} as sent`}
                  </span>
                  <span className="block text-xs text-muted">sent {formatSent(p.uncertainty)}</span>
                </td>
                <td className="px-3 py-2 text-xs text-fg">{p.positioningMethod ?? <span className="text-muted">—</span>}</td>
                <td className="px-3 py-2 text-xs text-fg">
                  <span className="block max-w-64 truncate" title={p.place?.address ?? undefined}>
                    {p.place?.address ?? p.place?.name ?? <span className="text-muted">not sent</span>}
                  </span>
                  {p.place?.address && p.place.name ? <span className="block max-w-64 truncate text-muted">{p.place.name}</span> : null}
                </td>
                <td className="px-3 py-2 text-xs text-fg">{p.source}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
