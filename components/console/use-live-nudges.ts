"use client";

import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { applyDevicesDelta, liveStreamState, queryKeys } from "@/lib/browser/console-queries";
import type { DeviceDelta } from "@/lib/live/device-delta";
import { alertKeys } from "@/lib/browser/alerts-queries";

export interface SharedNudge {
  id: string;
  phone: string;
}

function parse(e: MessageEvent): { id: string | null; phone: string | null } {
  try {
    const data = JSON.parse(String(e.data)) as { id?: unknown; phone?: unknown };
    return { id: typeof data.id === "string" ? data.id : null, phone: typeof data.phone === "string" ? data.phone : null };
  } catch {
    return { id: null, phone: null };
  }
}

/**
 * Refetch a query for a nudge without ever cancelling a fetch in flight. Nudges come in bursts (a
 * share sends `shared` then `calls`; a tracker tick sends one `call` per caller), and cancelling
 * on each one restarts the list fetch again and again. Instead: nothing in flight → fetch now;
 * something in flight → one more fetch when it settles, since it may have started before the change.
 */
export function nudgeRefetcher(queryClient: QueryClient): { nudge: (key: QueryKey) => void; stop: () => void } {
  const cache = queryClient.getQueryCache();
  const pending = new Map<string, QueryKey>();
  const refetch = (queryKey: QueryKey) => void queryClient.invalidateQueries({ queryKey, exact: true }, { cancelRefetch: false });
  const unsubscribe = cache.subscribe((event) => {
    // Settled however it ended: answered, failed or cancelled.
    if (event.type !== "updated" || event.query.state.fetchStatus !== "idle") return;
    const key = pending.get(event.query.queryHash);
    if (!key) return;
    pending.delete(event.query.queryHash);
    refetch(key);
  });
  return {
    nudge(queryKey) {
      const query = cache.find({ queryKey, exact: true });
      if (query?.state.fetchStatus === "fetching") pending.set(query.queryHash, queryKey);
      else refetch(queryKey);
    },
    stop: unsubscribe,
  };
}

/**
 * The live stream: call nudges make the matching queries refetch now rather than at the next poll;
 * device changes arrive as deltas and go straight into the cache (a delta that does not follow what
 * the cache holds makes it refetch instead). A dropped stream costs one polling interval, and
 * EventSource reconnects by itself (after the 2–5 s the server drew for this stream), sending the
 * last device version it saw so the server can send what it missed. `onShared` hears every `shared`
 * nudge.
 */
export function useLiveNudges(onShared?: (nudge: SharedNudge) => void): void {
  const queryClient = useQueryClient();
  const sharedRef = useRef(onShared);
  sharedRef.current = onShared;

  useEffect(() => {
    const source = new EventSource("/api/events");
    const refetcher = nudgeRefetcher(queryClient);
    const onCalls = () => refetcher.nudge(queryKeys.calls);
    const onCall = (e: MessageEvent) => {
      const { id } = parse(e);
      refetcher.nudge(queryKeys.calls);
      if (id) {
        refetcher.nudge(queryKeys.call(id));
        // Nudged only if this console holds it (a nudge never starts a query of its own).
        refetcher.nudge(queryKeys.callAdditionalData(id));
      }
    };
    const onSharedEvent = (e: MessageEvent) => {
      const { id, phone } = parse(e);
      if (id && phone) sharedRef.current?.({ id, phone });
      refetcher.nudge(queryKeys.calls);
    };
    const onDevices = (e: MessageEvent) => {
      let applied = false;
      try {
        const data = JSON.parse(String(e.data)) as DeviceDelta & { serverTime: number };
        applied = applyDevicesDelta(queryClient, data, data.serverTime);
      } catch {
        // a malformed event: refetch below
      }
      if (!applied) refetcher.nudge(queryKeys.devices);
    };
    const onAlerts = (e: MessageEvent) => {
      const { id } = parse(e);
      refetcher.nudge(alertKeys.list);
      if (id) {
        refetcher.nudge(alertKeys.detail(id));
        refetcher.nudge(alertKeys.additionalData(id));
      }
    };
    source.addEventListener("alerts", onAlerts);
    source.addEventListener("calls", onCalls);
    source.addEventListener("shared", onSharedEvent);
    source.addEventListener("call", onCall);
    source.addEventListener("devices", onDevices);
    source.onopen = () => {
      liveStreamState.connected = true;
      // Changes made between the first fetch and the stream opening were sent to nobody: catch up
      // once (a conditional fetch, so usually a 304), then the stream carries the rest.
      refetcher.nudge(queryKeys.devices);
      refetcher.nudge(queryKeys.calls);
    };
    source.onerror = () => {
      liveStreamState.connected = false;
    };
    return () => {
      liveStreamState.connected = false;
      source.close();
      refetcher.stop();
    };
  }, [queryClient]);
}
