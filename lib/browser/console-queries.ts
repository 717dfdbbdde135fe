/**
 * The console's server state, as TanStack Query options shared by every component that reads it.
 * The live stream pushes device changes into the cache and nudges the call queries; polling is the
 * fallback, and a poll that finds nothing new costs a 304 (devices by version, calls by ETag).
 * `refetchIntervalInBackground` stays off, so a hidden tab stops polling, and focus refetches it.
 */
import { queryOptions, type QueryClient, type QueryKey } from "@tanstack/react-query";
import type { CallDetailResponse, CallSummary, CallsResponse } from "@/lib/calls/types";
import { applyDelta, type DeviceDelta, type DeviceSnapshot } from "@/lib/live/device-delta";
import { fetchConditional, fetchJson } from "./api-client";

export const DEVICES_POLL_MS = 5_000;
/** While the live stream brings device changes, the poll is only a safety net (and keeps ages stepping). */
export const DEVICES_POLL_WHEN_LIVE_MS = 15_000;

/** Whether the console's live stream is open (set by useLiveNudges). */
export const liveStreamState = { connected: false };
export const CALLS_POLL_MS = 3_000;

export const queryKeys = {
  devices: ["devices"] as const,
  calls: ["calls", "list"] as const,
  call: (id: string) => ["calls", "detail", id] as const,
  callAdditionalData: (id: string) => ["calls", "detail", id, "additional-data"] as const,
};

const live = { retry: false, refetchOnWindowFocus: "always", refetchOnReconnect: "always" } as const;

/** What the console holds of the device feed (the version says which state it is). */
export type DevicesData = DeviceSnapshot;

async function fetchDevices(client: QueryClient, signal: AbortSignal): Promise<DevicesData> {
  const held = client.getQueryData<DevicesData>(queryKeys.devices);
  if (held) {
    const res = await fetchConditional<DevicesData | { delta: DeviceDelta; serverTime: number }>(
      `/api/devices?since=${held.version}`,
      null,
      { signal },
    );
    if (res.notModified) return { ...held, serverTime: res.serverTime ?? held.serverTime };
    if (!("delta" in res.body)) return res.body;
    const next = applyDelta(held, res.body.delta, res.body.serverTime);
    if (next) return next;
  }
  return fetchJson<DevicesData>("/api/devices", { signal });
}

/** A live-stream delta applied to the cache; false when it does not follow what the cache holds. */
export function applyDevicesDelta(client: QueryClient, delta: DeviceDelta, serverTime: number): boolean {
  const held = client.getQueryData<DevicesData>(queryKeys.devices);
  if (!held) return false;
  if (held.version >= delta.version) return true; // a poll already brought it
  const next = applyDelta(held, delta, serverTime);
  if (!next) return false;
  client.setQueryData(queryKeys.devices, next);
  return true;
}

/** The last ETag per query, sent back as If-None-Match while the query still holds its data. */
const etags = new Map<string, string>();

async function fetchWithEtag<T extends { serverTime: number }>(
  client: QueryClient,
  queryKey: QueryKey,
  url: string,
  signal: AbortSignal,
): Promise<T> {
  const held = client.getQueryData<T>(queryKey);
  const res = await fetchConditional<T>(url, held ? (etags.get(url) ?? null) : null, { signal });
  if (res.etag) etags.set(url, res.etag);
  if (!res.notModified) return res.body;
  if (held) return { ...held, serverTime: res.serverTime ?? held.serverTime };
  // The cache let go of the data the server matched: ask again without a tag.
  etags.delete(url);
  return fetchJson<T>(url, { signal });
}

export function devicesQuery() {
  return queryOptions({
    queryKey: queryKeys.devices,
    queryFn: ({ signal, client }) => fetchDevices(client, signal),
    refetchInterval: () => (liveStreamState.connected ? DEVICES_POLL_WHEN_LIVE_MS : DEVICES_POLL_MS),
    staleTime: DEVICES_POLL_MS / 2,
    ...live,
  });
}

export function callsQuery() {
  return queryOptions({
    queryKey: queryKeys.calls,
    queryFn: ({ signal, client }) => fetchWithEtag<CallsResponse>(client, queryKeys.calls, "/api/calls", signal),
    refetchInterval: CALLS_POLL_MS,
    staleTime: CALLS_POLL_MS / 2,
    ...live,
  });
}

export function callDetailQuery(id: string) {
  return queryOptions({
    queryKey: queryKeys.call(id),
    queryFn: ({ signal, client }) =>
      fetchWithEtag<CallDetailResponse>(client, queryKeys.call(id), `/api/calls/${encodeURIComponent(id)}`, signal),
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
