"use client";

import { useEffect, useRef } from "react";
import { ApiError, fetchJson } from "@/lib/browser/api-client";

const EVENTS = ["keydown", "pointerdown", "wheel", "touchstart"] as const;

/**
 * Tells the server the user is here (keyboard, pointer, wheel, touch), at most once per
 * `intervalMs`. Background polling never does, so an unattended console signs out after the idle
 * timeout. Renders nothing; put it once on every signed-in page.
 */
export function ActivityReporter({ intervalMs = 60_000 }: { intervalMs?: number }) {
  const lastSent = useRef(0);
  const inFlight = useRef(false);

  useEffect(() => {
    const report = () => {
      const now = Date.now();
      if (inFlight.current || now - lastSent.current < intervalMs) return;
      lastSent.current = now;
      inFlight.current = true;
      fetchJson<unknown>("/api/session/activity", { method: "POST" })
        .catch((err: unknown) => {
          // A network blip is retried on the next input; a 401 already went to the sign-in page.
          if (!(err instanceof ApiError && err.sessionEnded)) lastSent.current = 0;
        })
        .finally(() => {
          inFlight.current = false;
        });
    };
    for (const name of EVENTS) window.addEventListener(name, report, { passive: true, capture: true });
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, report, { capture: true });
    };
  }, [intervalMs]);

  return null;
}
