"use client";

import { useCallback, useEffect, useState } from "react";
import type { PortalState, ShareResult } from "@/lib/datashare/portal-types";

const ENDPOINT = "/sandbox/control/datashare";
const REFRESH_MS = 5_000;

export type ShareOutcome =
  | { kind: "sent"; result: ShareResult }
  | { kind: "failed"; phone: string; message: string };

/** The Portal's list of active 911 calls, refreshed as the sandbox scenario moves on. */
export function usePortalState(initial: PortalState): PortalState {
  const [state, setState] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      try {
        const res = await fetch(ENDPOINT, { cache: "no-store" });
        if (res.ok && !stopped) setState((await res.json()) as PortalState);
      } catch {
        // Keep showing the last list; the next refresh tries again.
      }
    };
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return state;
}

/** Share one call with the configured partner: the sandbox signs and POSTs the delivery. */
export function useShare(): { share: (phone: string) => Promise<void>; sending: boolean; outcome: ShareOutcome | null } {
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null);
  const share = useCallback(async (phone: string) => {
    setSending(true);
    setOutcome(null);
    try {
      const res = await fetch(ENDPOINT, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone }),
      });
      const body = (await res.json().catch(() => null)) as (ShareResult & { detail?: string }) | null;
      if (res.ok && body) setOutcome({ kind: "sent", result: body });
      else setOutcome({ kind: "failed", phone, message: body?.detail ?? `The sandbox answered ${res.status}.` });
    } catch (err) {
      setOutcome({ kind: "failed", phone, message: err instanceof Error ? err.message : String(err) });
    } finally {
      setSending(false);
    }
  }, []);
  return { share, sending, outcome };
}
