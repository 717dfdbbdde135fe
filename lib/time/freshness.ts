/**
 * How old a location is and what that means. Ages use the server's clock (`serverTime` in every
 * API answer), never the browser's, which may be minutes off on a dispatch workstation.
 *
 * Staleness depends on what the source promised: a recording camera reports about every 10 s,
 * a buffering one every ~15 min (and is not lost), a docked or offline one is not being carried,
 * so its position is only "last known". A caller's location is stale once LEI stops updating it.
 * And whatever a failing feed last said is stale, however young it looked (`feedFailing`).
 */
import type { DeviceStatus } from "@/lib/axon/types";

/** live: updating as promised. stale: overdue. inactive: not expected to update (docked, call ended). */
export type Freshness = "live" | "stale" | "inactive";

export const DEVICE_STALE_AFTER_MS: Record<DeviceStatus, number | null> = {
  recording: 60_000,
  buffering: 20 * 60_000,
  unknown: 5 * 60_000,
  docked: null,
  offline: null,
};

/** Voice calls get fresh fixes every few seconds; a text-to-911 conversation only per message. */
export const CALLER_STALE_AFTER_MS = { voice: 60_000, text: 5 * 60_000 } as const;

export function ageMs(at: number, serverTime: number): number {
  return Math.max(0, serverTime - at);
}

export function deviceFreshness(status: DeviceStatus, at: number, serverTime: number, feedFailing = false): Freshness {
  const limit = DEVICE_STALE_AFTER_MS[status];
  if (limit === null) return "inactive";
  return feedFailing || ageMs(at, serverTime) > limit ? "stale" : "live";
}

export function isTextSource(source: string): boolean {
  return /sms|text|rtt|mms/i.test(source);
}

export function callerFreshness(
  callStatus: "active" | "ended",
  location: { locationTime: number; source: string } | null,
  serverTime: number,
  feedFailing = false,
): Freshness {
  if (callStatus === "ended") return "inactive";
  if (!location) return "stale";
  const limit = isTextSource(location.source) ? CALLER_STALE_AFTER_MS.text : CALLER_STALE_AFTER_MS.voice;
  return feedFailing || ageMs(location.locationTime, serverTime) > limit ? "stale" : "live";
}

/** "8 s", "4 min", "2 h 5 min", "3 d": short enough for a list row. */
export function formatAge(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d`;
}
