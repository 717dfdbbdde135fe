/**
 * How many live-event streams may be open at once: per session (a console has one, a few tabs a
 * few) and per instance (each stream holds a connection, a bus subscription and a timer). Beyond
 * either, /api/events answers 429 with Retry-After; the console then falls back to polling and its
 * EventSource retries. In memory on purpose: streams are connections to this process.
 */
import "server-only";
import { jsonResponse } from "@/lib/server/http";
import { singleton } from "@/lib/server/singleton";

export interface StreamLimitPolicy {
  perSession: number;
  perInstance: number;
}

export const STREAM_LIMITS: StreamLimitPolicy = { perSession: 6, perInstance: 1000 };

export class StreamLimits {
  private readonly bySession = new Map<string, number>();
  private total = 0;

  constructor(private readonly policy: StreamLimitPolicy) {}

  /** A release function for a new stream, or null when a limit is reached. Releasing twice is harmless. */
  acquire(sessionId: string): (() => void) | null {
    const mine = this.bySession.get(sessionId) ?? 0;
    if (mine >= this.policy.perSession || this.total >= this.policy.perInstance) return null;
    this.bySession.set(sessionId, mine + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.bySession.get(sessionId) ?? 1) - 1;
      // No entry outlives its last stream: the map is bounded by the streams that are open.
      if (left <= 0) this.bySession.delete(sessionId);
      else this.bySession.set(sessionId, left);
    };
  }

  get open(): { total: number; sessions: number } {
    return { total: this.total, sessions: this.bySession.size };
  }
}

export function streamLimits(): StreamLimits {
  return singleton("live-stream-limits", () => new StreamLimits(STREAM_LIMITS));
}

export function tooManyStreams(): Response {
  return jsonResponse(
    { error: "too_many_streams", detail: "Too many live streams are open. Close other console tabs; this one polls meanwhile." },
    { status: 429, headers: { "retry-after": "30" } },
  );
}
