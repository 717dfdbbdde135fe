"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiError, fetchJson } from "@/lib/browser/api-client";
import type { PortalState, ShareResult } from "@/sandbox/portal/types";

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
        const next = await fetchJson<PortalState>(ENDPOINT);
        if (!stopped) setState(next);
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
      const result = await fetchJson<ShareResult>(ENDPOINT, { method: "POST", json: { phone } });
      setOutcome({ kind: "sent", result });
    } catch (err) {
      setOutcome({ kind: "failed", phone, message: err instanceof ApiError ? err.detail : String(err) });
    } finally {
      setSending(false);
    }
  }, []);
  return { share, sending, outcome };
}
