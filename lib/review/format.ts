/** How review writes times and what a source sent: UTC throughout, since a review is read later and elsewhere. */
import { formatAge } from "@/lib/time/freshness";
import type { Uncertainty } from "@/lib/rapidsos/types";

/** "2026-11-22 14:05:03" (UTC). */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** "14:05:03" (UTC). */
export function formatUtcClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** Time since the previous location: "+5 s", "+2 min"; "first" for the first. */
export function formatGap(ms: number | null): string {
  if (ms === null) return "first";
  return ms < 1000 ? `+${Math.max(0, Math.round(ms))} ms` : `+${formatAge(ms)}`;
}

/** Exactly what LEI sent about the circle, before any conversion: "±10 m @ 95% normal". */
export function formatSent(u: Uncertainty): string {
  if (u.radiusM === null) return "no radius sent";
  const radius = `±${Number(u.radiusM.toFixed(1))} m`;
  if (u.confidence === null) return `${radius}, no confidence`;
  return `${radius} @ ${Number(u.confidence.toFixed(1))}%${u.pdf ? ` ${u.pdf}` : ""}`;
}
