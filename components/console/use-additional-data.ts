"use client";

import { useQuery } from "@tanstack/react-query";
import type { AdditionalDataResponse, AlertAdditionalDataResponse } from "@/lib/additional-data/types";
import { ALERTS_POLL_MS, alertKeys } from "@/lib/browser/alerts-queries";
import { fetchConditional, fetchJson } from "@/lib/browser/api-client";
import { CALLS_POLL_MS, queryKeys } from "@/lib/browser/console-queries";

/** Whose additional data: a call's (RAD-E by phone number) or a central-station alert's (by alert_id). */
export type AdditionalDataSubject = { kind: "call"; id: string } | { kind: "alert"; id: string };

/** The last ETag per URL: a poll that finds the same stored version costs a 304 (and no audit row). */
const etags = new Map<string, string>();

function where(s: AdditionalDataSubject) {
  const id = encodeURIComponent(s.id);
  return s.kind === "call"
    ? { url: `/api/calls/${id}/additional-data`, queryKey: queryKeys.callAdditionalData(s.id), pollMs: CALLS_POLL_MS }
    : { url: `/api/alerts/${id}/additional-data`, queryKey: alertKeys.additionalData(s.id), pollMs: ALERTS_POLL_MS };
}

/**
 * A call's or an alert's additional data as the server stored it. The server fetches it from
 * RapidSOS once per cluster (the call tracker, the alerts runner) and announces a change on the
 * live stream, which refetches this at once (useLiveNudges); the poll at the call or alert pace
 * stays, so a missed announcement costs a medical flag seconds, never longer.
 */
export function useAdditionalData(subject: AdditionalDataSubject) {
  const { url, queryKey, pollMs } = where(subject);
  return useQuery({
    queryKey,
    queryFn: async ({ signal, client }): Promise<AdditionalDataResponse | AlertAdditionalDataResponse> => {
      type Held = AdditionalDataResponse | AlertAdditionalDataResponse;
      const held = client.getQueryData<Held>(queryKey);
      const res = await fetchConditional<Held>(url, held ? (etags.get(url) ?? null) : null, { signal });
      if (res.etag) etags.set(url, res.etag);
      if (!res.notModified) return res.body;
      if (held) return held;
      etags.delete(url);
      return fetchJson<Held>(url, { signal });
    },
    refetchInterval: pollMs,
    staleTime: pollMs / 2,
    retry: false,
  });
}
