/**
 * The console's alert state as TanStack Query options: the queue (polled, and refetched at once on
 * an `alerts` nudge) and one alert's detail; the actions post to our API, never to RapidSOS.
 */
import { queryOptions } from "@tanstack/react-query";
import type { AlertDetailResponse, AlertsResponse, EccDisposition } from "@/lib/alerts/types";
import { fetchJson } from "./api-client";

export const ALERTS_POLL_MS = 3_000;

export const alertKeys = {
  list: ["alerts", "list"] as const,
  detail: (id: string) => ["alerts", "detail", id] as const,
  additionalData: (id: string) => ["alerts", "detail", id, "additional-data"] as const,
};

const live = { retry: false, refetchOnWindowFocus: "always", refetchOnReconnect: "always" } as const;

export function alertsQuery() {
  return queryOptions({
    queryKey: alertKeys.list,
    queryFn: ({ signal }) => fetchJson<AlertsResponse>("/api/alerts", { signal }),
    refetchInterval: ALERTS_POLL_MS,
    staleTime: ALERTS_POLL_MS / 2,
    ...live,
  });
}

export function alertDetailQuery(id: string) {
  return queryOptions({
    queryKey: alertKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<AlertDetailResponse>(`/api/alerts/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: ALERTS_POLL_MS,
    staleTime: ALERTS_POLL_MS / 2,
    ...live,
  });
}

const path = (id: string, what: string) => `/api/alerts/${encodeURIComponent(id)}/${what}`;

export const decideAlert = (id: string, body: { action: "accept" } | { action: "decline"; reason: string }) =>
  fetchJson<AlertDetailResponse>(path(id, "decision"), { method: "POST", json: body });

export const setAlertDisposition = (id: string, disposition: EccDisposition) =>
  fetchJson<AlertDetailResponse>(path(id, "disposition"), { method: "POST", json: { disposition } });

export const chatOnAlert = (id: string, message: string) => fetchJson<AlertDetailResponse>(path(id, "chat"), { method: "POST", json: { message } });
