"use client";

import { useQuery } from "@tanstack/react-query";
import type { AdditionalDataResponse } from "@/lib/additional-data/types";
import { fetchConditional, fetchJson } from "@/lib/browser/api-client";
import { CALLS_POLL_MS } from "@/lib/browser/console-queries";

/** The last ETag per call: a poll that finds the same stored version costs a 304 (and no audit row). */
const etags = new Map<string, string>();

/**
 * A call's additional data as the tracker stored it. The server fetches it from RapidSOS once per
 * cluster; this only reads our own copy, on the call poll's cadence.
 */
export function useAdditionalData(callId: string) {
  return useQuery({
    queryKey: ["calls", "detail", callId, "additional-data"],
    queryFn: async ({ signal, client, queryKey }): Promise<AdditionalDataResponse> => {
      const url = `/api/calls/${encodeURIComponent(callId)}/additional-data`;
      const held = client.getQueryData<AdditionalDataResponse>(queryKey);
      const res = await fetchConditional<AdditionalDataResponse>(url, held ? (etags.get(url) ?? null) : null, { signal });
      if (res.etag) etags.set(url, res.etag);
      if (!res.notModified) return res.body;
      if (held) return held;
      etags.delete(url);
      return fetchJson<AdditionalDataResponse>(url, { signal });
    },
    refetchInterval: CALLS_POLL_MS,
    staleTime: CALLS_POLL_MS / 2,
    retry: false,
  });
}
