"use client";

import { useConsoleActions, useConsoleState } from "./console-state";
import { useTheme } from "./theme";
import { useShareSound } from "./use-share-sound";

const chip =
  "pointer-events-auto rounded-md border border-line bg-raised/90 px-2.5 py-1 text-xs font-medium text-fg shadow backdrop-blur-sm hover:bg-hover focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none";

/** Theme, the sound for new shared calls, and follow, over the map's top-left corner. */
export function MapToolbar({ hasCaller }: { hasCaller: boolean }) {
  const theme = useTheme();
  const sound = useShareSound();
  const { follow } = useConsoleState();
  const { toggleFollow } = useConsoleActions();
  return (
    <div className="pointer-events-none absolute top-3 left-3 z-10 flex gap-2">
      <button type="button" onClick={theme.toggle} aria-pressed={theme.name === "light"} className={chip}>
        {theme.name === "dark" ? "Light theme" : "Dark theme"}
      </button>
      <button
        type="button"
        onClick={sound.toggle}
        aria-pressed={sound.enabled}
        title="Play a short tone when a call is shared from RapidSOS Portal (remembered in this browser)"
        className={`${chip} aria-pressed:border-accent aria-pressed:text-accent`}
      >
        {sound.enabled ? "Share sound on" : "Share sound off"}
      </button>
      {hasCaller ? (
        <button type="button" onClick={toggleFollow} aria-pressed={follow} data-testid="follow-toggle" className={`${chip} aria-pressed:border-accent aria-pressed:text-accent`}>
          {follow ? "Following caller" : "Follow caller"} <kbd className="ml-1 font-mono text-[10px] text-muted">f</kbd>
        </button>
      ) : null}
    </div>
  );
}
