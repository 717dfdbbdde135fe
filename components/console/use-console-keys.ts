"use client";

import { useEffect, useRef } from "react";
import { CALLER_SEARCH_ID } from "./caller-search";
import type { ConsoleActions } from "./console-state";

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The console's own keys: `/` jumps to caller search, `f` toggles follow, Esc clears (typing in a
 * field first leaves the field). Lists handle their own arrows and Enter.
 */
export function useConsoleKeys(actions: ConsoleActions): void {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const editing = isEditable(e.target);
      if (e.key === "Escape") {
        if (editing && e.target instanceof HTMLElement) {
          const input = e.target as HTMLInputElement;
          if (input.value) return; // the browser clears a search field itself
          input.blur();
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
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
