"use client";

import { useEffect, useState } from "react";

/**
 * "Now" on the server's data clock, for ages. While a feed answers, that is simply the serverTime
 * of its last answer (ages step with each poll and agree with the server). While it fails, the
 * last serverTime is carried forward by the browser's elapsed time, so data held through an outage
 * visibly ages instead of freezing. The browser's wall clock itself is never compared with data.
 */
export function useDataNow(serverTime: number | undefined, receivedAt: number, failing: boolean): number {
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!failing) return;
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [failing]);

  if (serverTime === undefined) return 0;
  if (!failing) return serverTime;
  void tick; // re-rendered every second while failing
  return serverTime + Math.max(0, Date.now() - receivedAt);
}
