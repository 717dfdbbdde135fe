"use client";

import { useEffect, useRef } from "react";
import { CALLER_SEARCH_ID } from "./caller-search";
import type { ConsoleActions } from "./console-state";

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export interface ExtraKeys {
  /** `g`: go to the newest call shared from RapidSOS Portal (false when there is none yet). */
  jumpToShared?: () => boolean;
  /** `a`: go to the newest central-station alert still waiting for an answer. */
  jumpToAlert?: () => boolean;
}

/**
 * The console's own keys: `/` jumps to caller search, `f` toggles follow, `g` goes to the newest
 * shared call, Esc clears the selection. In a text field Esc only empties it, then leaves it, so
 * typing is never lost to a shortcut. Lists handle their own arrows and Enter.
 */
export function useConsoleKeys(actions: ConsoleActions, extra: ExtraKeys = {}): void {
  const latest = useRef(actions);
  latest.current = actions;
  const latestExtra = useRef(extra);
  latestExtra.current = extra;

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const editing = isEditable(e.target);
      if (e.key === "Escape") {
        if (editing && e.target instanceof HTMLInputElement) {
          // A search field with text clears itself on Esc; an empty one is left.
          if (e.target.value === "") e.target.blur();
          return;
        }
        latest.current.clear();
        return;
      }
      if (editing) return;
      if (e.key === "/") {
        e.preventDefault();
        const input = document.getElementById(CALLER_SEARCH_ID);
        if (input instanceof HTMLInputElement) {
          input.focus();
          input.select();
        }
      } else if (e.key === "f" || e.key === "F") {
        e.preventDefault();
        latest.current.toggleFollow();
      } else if ((e.key === "g" || e.key === "G") && latestExtra.current.jumpToShared) {
        if (latestExtra.current.jumpToShared()) e.preventDefault();
      } else if ((e.key === "a" || e.key === "A") && latestExtra.current.jumpToAlert) {
        if (latestExtra.current.jumpToAlert()) e.preventDefault();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
