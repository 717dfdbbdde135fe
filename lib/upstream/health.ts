/**
 * What each upstream did on its last call, for /api/health and the admin screen. Details are short
 * and host-free: /api/health is public, so it says "timeout" or "HTTP 503", never a URL.
 */
import { singleton } from "@/lib/server/singleton";
import { isUpstreamError, type UpstreamName } from "./errors";

export interface UpstreamHealth {
  /** Null until the upstream has been called. */
  ok: boolean | null;
  /** When the last call ended (ISO 8601, UTC). */
  at: string | null;
  /** The upstream's HTTP status on that call, when it answered. */
  status: number | null;
  detail: string;
  /** When the upstream last answered well. */
  lastOkAt: string | null;
}

export interface HealthOutcome {
  ok: boolean;
  status: number | null;
  detail: string;
}

export class HealthRegistry {
  readonly #entries = new Map<UpstreamName, UpstreamHealth>();

  record(upstream: UpstreamName, outcome: HealthOutcome, at: Date = new Date()): void {
    const previous = this.#entries.get(upstream);
    const iso = at.toISOString();
    this.#entries.set(upstream, {
      ...outcome,
      at: iso,
      lastOkAt: outcome.ok ? iso : (previous?.lastOkAt ?? null),
    });
  }

  get(upstream: UpstreamName): UpstreamHealth {
    return (
      this.#entries.get(upstream) ?? {
        ok: null,
        at: null,
        status: null,
        detail: "not called yet",
        lastOkAt: null,
      }
    );
  }

  snapshot(): Record<UpstreamName, UpstreamHealth> {
    return { rapidsos: this.get("rapidsos"), axon: this.get("axon"), alerts: this.get("alerts") };
  }
}

/** The process-wide registry (shared by every route bundle). */
export function upstreamHealth(): HealthRegistry {
  return singleton("upstream-health", () => new HealthRegistry());
}

/** How a call that ended in `err` reads on the health page. A 404 is an answer, so it counts as ok. */
export function outcomeOfError(err: unknown): HealthOutcome {
  if (!isUpstreamError(err)) return { ok: false, status: null, detail: "internal error" };
  const status = err.upstreamStatus;
  switch (err.kind) {
    case "not_found":
      return { ok: true, status, detail: "answered: nothing found" };
    case "rate_limited":
      return { ok: false, status, detail: `rate limited (retry after ${err.retryAfterSeconds} s)` };
    case "timeout":
      return { ok: false, status, detail: "timeout" };
    case "unreachable":
      return { ok: false, status, detail: "unreachable" };
    case "unavailable":
      return { ok: false, status, detail: status ? `HTTP ${status}` : "unavailable" };
    case "rejected":
      return { ok: false, status, detail: "credentials refused" };
    case "bad_response":
      return { ok: false, status, detail: "unreadable answer" };
  }
}

/** Run one upstream operation and record how it ended. */
export async function tracked<T>(
  registry: HealthRegistry,
  upstream: UpstreamName,
  operation: () => Promise<T>,
): Promise<T> {
  try {
    const result = await operation();
    registry.record(upstream, { ok: true, status: 200, detail: "answered" });
    return result;
  } catch (err) {
    registry.record(upstream, outcomeOfError(err));
    throw err;
  }
}
