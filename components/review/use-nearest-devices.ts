"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/browser/api-client";
import type { NearestDevicesResponse } from "@/lib/review/types";

/**
 * The stored camera positions nearest the caller at `at`. History barely changes, so an answer is
 * reused for a minute; while a new moment loads, the previous answer stays on screen.
 */
export function useNearestDevices(callId: string, at: number | null) {
  return useQuery({
    queryKey: ["review", callId, "devices", at],
    queryFn: ({ signal }) => fetchJson<NearestDevicesResponse>(`/api/review/calls/${callId}/devices?at=${at}`, { signal }),
    enabled: at !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
