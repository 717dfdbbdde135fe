/** The calls a console shows: the contract between the calls API and the browser. */
import type { CallerLocation } from "@/lib/rapidsos/types";
import type { UpstreamHealth } from "@/lib/upstream/health";

/** [west, south, east, north] in degrees. */
export type BoundingBox = [number, number, number, number];

export interface CallShare {
  receivedAt: number;
  eccAccountId: string | null;
  /** The ECC's jurisdiction as RapidSOS sent it. */
  bbox: BoundingBox | null;
  /** The incident location RapidSOS sent with the share (may differ from LEI's latest). */
  incident: { latitude: number; longitude: number } | null;
  /** Whether the latest location lies outside `bbox`; null when either is unknown. */
  outsideJurisdiction: boolean | null;
}

export interface CallSummary {
  id: string;
  /** Digits with country code, e.g. "14125550101". */
  phone: string;
  /** "active" while LEI still answers for the caller; "ended" once it stopped (history kept). */
  status: "active" | "ended";
  /** Shared to the whole center through RapidSOS Data Share. */
  shared: boolean;
  /** In the signed-in user's own call list. */
  openedByMe: boolean;
  callerName: string | null;
  callStartTime: number | null;
  firstSeenAt: number;
  endedAt: number | null;
  latest: CallerLocation | null;
  locationCount: number;
  /** When the app last asked LEI about this caller (ms), and whether that worked. */
  lastPolledAt: number | null;
  share: CallShare | null;
}

export interface CallsResponse {
  calls: CallSummary[];
  /** How RapidSOS answered the app's last call (the tracker polls it for these calls). */
  upstream: { rapidsos: UpstreamHealth };
  serverTime: number;
}

export interface CallDetailResponse {
  call: CallSummary;
  /** Every stored location of this call, oldest first (the latest is the last element). */
  trail: CallerLocation[];
  serverTime: number;
}
