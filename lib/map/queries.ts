/**
 * The console's server state, as TanStack Query options shared by every component that reads it.
 * Polling keeps it current; SSE nudges only invalidate these keys so the next fetch happens at once.
 * `refetchIntervalInBackground` stays off, so a hidden tab stops polling, and focus refetches it.
 */
import { queryOptions } from "@tanstack/react-query";
import type { DevicesResponse } from "@/lib/axon/types";
import type { CallDetailResponse, CallSummary, CallsResponse } from "@/lib/calls/types";

export const DEVICES_POLL_MS = 5_000;
export const CALLS_POLL_MS = 3_000;

/** An API answer that was not 2xx, with the `{error, detail}` body every route sends. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** Seconds, from Retry-After on a 429. */
    readonly retryAfterS: number | null = null,
  ) {
    super(detail);
    this.name = "ApiError";
  }

  /** Trouble the banner reports (rate limit, upstream down or slow), as opposed to a bad request. */
  get isUpstreamTrouble(): boolean {
    return this.status === 429 || this.status >= 500 || this.status === 0;
  }
}

async function errorFrom(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let detail = res.statusText || `Request failed (${res.status}).`;
  try {
    const body = (await res.json()) as { error?: unknown; detail?: unknown };
    if (typeof body.error === "string") code = body.error;
    if (typeof body.detail === "string") detail = body.detail;
  } catch {
    // A proxy's HTML error page: keep the status line.
  }
  const retry = Number(res.headers.get("retry-after"));
  return new ApiError(res.status, code, detail, Number.isFinite(retry) && retry > 0 ? retry : null);
}

export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ApiError(0, "network", "The server could not be reached.");
  }
  if (!res.ok) throw await errorFrom(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

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
  const body = await fetchJson<{ call: CallSummary }>("/api/calls", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone }),
  });
  return body.call;
}

/** Remove a call from my list; the stored history stays for review. */
export async function closeCall(id: string): Promise<void> {
  await fetchJson<void>(`/api/calls/${encodeURIComponent(id)}/close`, { method: "POST" });
}
