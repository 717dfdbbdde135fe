import "server-only";
/**
 * One HTTP exchange with an upstream, under an explicit deadline that also covers retries and
 * reading the body. Transient failures (network errors, 502/503/504) are retried with jittered
 * backoff while the deadline allows; a 429 is never retried here but surfaced with its
 * Retry-After. Everything that is not an answer the caller can interpret becomes an UpstreamError;
 * 2xx and the 4xx a client must handle itself (401/403/404/400) come back as a reply.
 * Node's fetch keeps connections alive, so repeated calls reuse sockets.
 */
import { isUpstreamError, UpstreamError, type UpstreamName } from "./errors";
import { readCapped } from "@/lib/server/read-capped";
import { parseRetryAfter } from "./retry-after";

export interface UpstreamRequest {
  upstream: UpstreamName;
  method: "GET" | "POST" | "PATCH";
  url: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  timeoutMs: number;
  /** Tries at most this many times (transient failures only). */
  maxAttempts?: number;
  maxBodyBytes?: number;
}

export interface UpstreamReply {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when empty or not JSON (callers validate it anyway). */
  json: unknown;
}

const TRANSIENT_STATUSES = new Set([502, 503, 504]);
const BACKOFF_BASE_MS = 100;
const BACKOFF_MAX_MS = 1_000;
// No point starting an attempt that cannot finish before the deadline.
const MIN_ATTEMPT_MS = 50;
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function sendUpstream(request: UpstreamRequest): Promise<UpstreamReply> {
  const deadline = Date.now() + request.timeoutMs;
  const maxAttempts = request.maxAttempts ?? 3;
  const where = describe(request);
  for (let attempt = 1; ; attempt++) {
    let failure: UpstreamError;
    try {
      const reply = await attemptOnce(request, deadline);
      if (reply.status === 429) {
        const retryAfterSeconds = parseRetryAfter(reply.headers.get("retry-after"));
        throw new UpstreamError(request.upstream, "rate_limited", {
          upstreamStatus: 429,
          retryAfterSeconds,
          internal: `${where} answered 429 (Retry-After ${retryAfterSeconds ?? "absent"})`,
        });
      }
      if (reply.status >= 500) {
        failure = new UpstreamError(request.upstream, "unavailable", {
          upstreamStatus: reply.status,
          internal: `${where} answered ${reply.status}`,
        });
        if (!TRANSIENT_STATUSES.has(reply.status)) throw failure;
      } else if (reply.status >= 300 && reply.status < 400) {
        // Redirects are not followed: they could carry our Authorization header elsewhere.
        throw new UpstreamError(request.upstream, "bad_response", {
          upstreamStatus: reply.status,
          internal: `${where} answered a redirect (${reply.status})`,
        });
      } else {
        return reply;
      }
    } catch (err) {
      if (isUpstreamError(err)) {
        if (err.kind !== "unreachable") throw err;
        failure = err;
      } else {
        throw err;
      }
    }
    const backoff = Math.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    if (attempt >= maxAttempts || Date.now() + backoff + MIN_ATTEMPT_MS >= deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, backoff));
  }
}

async function attemptOnce(request: UpstreamRequest, deadline: number): Promise<UpstreamReply> {
  const remaining = deadline - Date.now();
  const where = describe(request);
  if (remaining <= 0) throw timeoutError(request, where);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), remaining);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: { accept: "application/json", ...request.headers },
      body: request.body,
      signal: controller.signal,
      redirect: "manual",
      cache: "no-store",
    });
    const text = await readCappedText(response, request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (text === null) {
      throw new UpstreamError(request.upstream, "bad_response", {
        upstreamStatus: response.status,
        internal: `${where} sent a body over the size limit`,
      });
    }
    return { status: response.status, headers: response.headers, json: parseJson(text) };
  } catch (err) {
    if (isUpstreamError(err)) throw err;
    if (controller.signal.aborted) throw timeoutError(request, where);
    throw new UpstreamError(request.upstream, "unreachable", {
      internal: `${where} failed: ${networkReason(err)}`,
      cause: err,
    });
  } finally {
    clearTimeout(timer);
  }
}

function timeoutError(request: UpstreamRequest, where: string): UpstreamError {
  return new UpstreamError(request.upstream, "timeout", {
    internal: `${where} gave no answer within ${request.timeoutMs} ms`,
  });
}

async function readCappedText(response: Response, maxBytes: number): Promise<string | null> {
  const bytes = await readCapped(response.body, response.headers.get("content-length"), maxBytes);
  if (bytes !== null) return new TextDecoder().decode(bytes);
  // Free the connection rather than leave an oversized answer unread.
  await response.body?.cancel().catch(() => undefined);
  return null;
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Method and path only: the query string may hold a caller's phone number. */
function describe(request: UpstreamRequest): string {
  try {
    const url = new URL(request.url);
    return `${request.method} ${url.origin}${url.pathname}`;
  } catch {
    return `${request.method} (invalid URL)`;
  }
}

function networkReason(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  return err instanceof Error ? err.message : "network error";
}
