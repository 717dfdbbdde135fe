"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { queryKeys } from "@/lib/map/queries";

function idOf(e: MessageEvent): string | null {
  try {
    const data = JSON.parse(String(e.data)) as { id?: unknown };
    return typeof data.id === "string" ? data.id : null;
  } catch {
    return null;
  }
}

/**
 * Server-sent nudges only make the matching queries refetch now rather than at the next poll.
 * Data still arrives through the queries, so a dropped stream costs one polling interval.
 */
export function useLiveNudges(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const source = new EventSource("/api/events");
    const refetch = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey, exact: true });
    const onCalls = () => refetch(queryKeys.calls);
    const onCall = (e: MessageEvent) => {
      const id = idOf(e);
      refetch(queryKeys.calls);
      if (id) refetch(queryKeys.call(id));
    };
    const onDevices = () => refetch(queryKeys.devices);
    source.addEventListener("calls", onCalls);
    source.addEventListener("shared", onCalls);
    source.addEventListener("call", onCall);
    source.addEventListener("devices", onDevices);
    return () => source.close();
  }, [queryClient]);
}
