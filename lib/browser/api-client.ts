/**
 * The browser's one way to call our own API: same-origin cookies, JSON both ways, and every failure
 * as an `ApiError` carrying the `{ error, detail }` body every route sends. A 401 means the session
 * is over (idle timeout, time limit, sign-out elsewhere): the user goes to the sign-in page, which
 * explains why and comes back here.
 */

/** An API answer that was not 2xx. Status 0: the server could not be reached. */
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

  /** The session ended; the page is already on its way to sign-in, so say nothing more. */
  get sessionEnded(): boolean {
    return this.status === 401;
  }
}

let leaving = false;

/** The user pressed Sign out: the sign-in page it leads to says so, and a 401 on the way must not. */
export function markSigningOut(): void {
  leaving = true;
}

export function goToSignIn(): void {
  if (typeof window === "undefined" || leaving) return;
  // A poll that was in flight when the user signed out answers 401 after the page moved to sign-in:
  // that page already says why ("You have signed out."), so stay.
  if (window.location.pathname === "/signin") return;
  leaving = true;
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/signin?reason=ended&next=${encodeURIComponent(here)}`);
}

export interface JsonRequest extends Omit<RequestInit, "body"> {
  /** Sent as JSON. */
  json?: unknown;
}

/** Call `url` and return its JSON body (undefined for 204); anything but 2xx throws `ApiError`. */
export async function fetchJson<T>(url: string, init: JsonRequest = {}): Promise<T> {
  const res = await send(url, init);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export type Conditional<T> =
  | { notModified: true; serverTime: number | null; etag: string | null }
  | { notModified: false; body: T; serverTime: number | null; etag: string | null };

/**
 * A poll that costs almost nothing when nothing changed: sends `If-None-Match` and hands back a
 * 304 as `notModified` (with the server's data-clock time, so ages keep stepping).
 */
export async function fetchConditional<T>(url: string, etag: string | null, init: JsonRequest = {}): Promise<Conditional<T>> {
  const headers = new Headers(init.headers);
  if (etag) headers.set("if-none-match", etag);
  const res = await send(url, { ...init, headers }, true);
  const serverTime = Number(res.headers.get("x-server-time")) || null;
  const tag = res.headers.get("etag");
  if (res.status === 304) return { notModified: true, serverTime, etag: tag };
  return { notModified: false, body: (await res.json()) as T, serverTime, etag: tag };
}

async function send(url: string, { json, ...init }: JsonRequest, allowNotModified = false): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("accept", "application/json");
  if (json !== undefined) headers.set("content-type", "application/json");
  let res: Response;
  try {
    res = await fetch(url, {
      credentials: "same-origin",
      cache: "no-store",
      ...init,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ApiError(0, "network", "The server could not be reached.");
  }
  if (!res.ok && !(allowNotModified && res.status === 304)) {
    const err = await errorFrom(res);
    if (err.sessionEnded) goToSignIn();
    throw err;
  }
  return res;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let detail = res.statusText || `The request failed (${res.status}).`;
  try {
    const body = (await res.json()) as { error?: unknown; detail?: unknown };
    if (typeof body.error === "string") code = body.error;
    if (typeof body.detail === "string" && body.detail !== "") detail = body.detail;
  } catch {
    // A proxy's HTML error page: keep the status line.
  }
  const retry = Number(res.headers.get("retry-after"));
  return new ApiError(res.status, code, detail, Number.isFinite(retry) && retry > 0 ? retry : null);
}
