"use client";

import { useTheme } from "./theme";

/** What the map's symbols mean, in the same colours, at the corner of the map. */
export function MapLegend({ displayConfidence }: { displayConfidence: number }) {
  const o = useTheme().tokens.overlay;
  const dot = (color: string, opacity = 1) => (
    <span aria-hidden="true" className="inline-block size-2.5 rounded-full ring-1 ring-black/40" style={{ backgroundColor: color, opacity }} />
  );
  return (
    <details
      open
      className="group absolute bottom-9 left-3 z-10 rounded-md border border-line bg-raised/90 text-xs text-fg shadow-lg backdrop-blur-sm"
    >
      <summary className="cursor-pointer px-3 py-1.5 font-semibold text-muted select-none hover:text-fg focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none">
        Legend
      </summary>
      <ul aria-label="Map legend" className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1 px-3 pb-2">
        <li className="contents">
          <span aria-hidden="true" className="inline-block size-3 rotate-45 border-2" style={{ borderColor: o.caller, backgroundColor: o.markerCasing }} />
          <span>RapidSOS caller (supplemental to ALI)</span>
        </li>
        <li className="contents">
          <span aria-hidden="true" className="inline-block size-3 rounded-full border" style={{ borderColor: o.uncertaintyOutline, backgroundColor: `${o.uncertaintyFill}40` }} />
          <span>Uncertainty @ {displayConfidence}% (dashed: as sent)</span>
        </li>
        <li className="contents">
          <span aria-hidden="true" className="inline-block h-0.5 w-3" style={{ backgroundColor: o.callerTrail }} />
          <span>Earlier locations</span>
        </li>
        <li className="contents">
          <span aria-hidden="true" className="inline-block h-2.5 w-3.5 border-2 border-dashed" style={{ borderColor: o.jurisdiction }} />
          <span>Sharing center&apos;s jurisdiction</span>
        </li>
        <li className="contents">
          <span className="flex gap-0.5">{dot(o.recording)}</span>
          <span>Recording (never clustered)</span>
        </li>
        <li className="contents">
          {dot(o.buffering)}
          <span>Buffering</span>
        </li>
        <li className="contents">
          {dot(o.offline)}
          <span>Docked / offline</span>
        </li>
        <li className="contents">
          {dot(o.recording, o.staleOpacity)}
          <span className="text-muted">Faded: stale or not live</span>
        </li>
      </ul>
    </details>
  );
}
