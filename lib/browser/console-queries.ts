/**
 * The console's server state, as TanStack Query options shared by every component that reads it.
 * Polling keeps it current; SSE nudges only invalidate these keys so the next fetch happens at once.
 * `refetchIntervalInBackground` stays off, so a hidden tab stops polling, and focus refetches it.
 */
import { queryOptions } from "@tanstack/react-query";
import type { DevicesResponse } from "@/lib/axon/types";
import type { CallDetailResponse, CallSummary, CallsResponse } from "@/lib/calls/types";
import { fetchJson } from "./api-client";

export const DEVICES_POLL_MS = 5_000;
export const CALLS_POLL_MS = 3_000;

export const queryKeys = {
  devices: ["devices"] as const,
  calls: ["calls", "list"] as const,
  call: (id: string) => ["calls", "detail", id] as const,
};

const live = { retry: false, refetchOnWindowFocus: "always", refetchOnReconnect: "always" } as const;

export function devicesQuery() {
  return queryOptions({
    queryKey: queryKeys.devices,
    queryFn: ({ signal }) => fetchJson<DevicesResponse>("/api/devices", { signal }),
    refetchInterval: DEVICES_POLL_MS,
    staleTime: DEVICES_POLL_MS / 2,
    ...live,
  });
}

export function callsQuery() {
  return queryOptions({
    queryKey: queryKeys.calls,
    queryFn: ({ signal }) => fetchJson<CallsResponse>("/api/calls", { signal }),
    refetchInterval: CALLS_POLL_MS,
    staleTime: CALLS_POLL_MS / 2,
    ...live,
  });
}

export function callDetailQuery(id: string) {
  return queryOptions({
    queryKey: queryKeys.call(id),
    queryFn: ({ signal }) => fetchJson<CallDetailResponse>(`/api/calls/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: CALLS_POLL_MS,
    staleTime: CALLS_POLL_MS / 2,
    ...live,
  });
}

/** Look a number up in LEI and open it in my call list; the server accepts any common format. */
export async function openCall(phone: string): Promise<CallSummary> {
  const body = await fetchJson<{ call: CallSummary }>("/api/calls", { method: "POST", json: { phone } });
  return body.call;
}

/** Remove a call from my list; the stored history stays for review. */
export async function closeCall(id: string): Promise<void> {
  await fetchJson<void>(`/api/calls/${encodeURIComponent(id)}/close`, { method: "POST" });
}
